/** How corpus-level results name the documents they come from (see `corpusFacts` for the reading). */
import { type Doc, statedPublished } from '../model/index.js';

/** Where a corpus-level result comes from, as the CLI and the API show it. */
export interface SourceRef {
  /** The store's document id. */
  docId: string;
  /** A short readable name: the external id or the file name. */
  name: string;
  headline?: string;
  outlet?: string;
  published?: string;
}

export function refOf(doc: Doc, name: string): SourceRef {
  return {
    docId: doc.id,
    name,
    headline: doc.meta.headline,
    outlet: doc.meta.outlet,
    published: statedPublished(doc.meta),
  };
}
