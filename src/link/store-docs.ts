/**
 * Reads the store one document at a time and keeps only what a corpus-level computation needs:
 * the clean text and a few layers. A stored document also carries its raw text, offset map and
 * every other layer; dropping them as we go keeps memory near the size of the kept layers.
 */
import { basename } from 'node:path';
import { type Doc, type LayerName, statedPublished } from '../model/index.js';
import type { DocFilter, Store } from '../store/index.js';

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

export interface SlimCorpus {
  docs: Doc[];
  /** By the name the pure functions report (`doc.externalId`, set to `SourceRef.name`). */
  refs: Map<string, SourceRef>;
}

/** Slim copies of every stored document with the given layers; `externalId` becomes a unique short name. */
export function readSlimDocs(store: Store, layers: readonly LayerName[], filter: DocFilter = {}): SlimCorpus {
  const docs: Doc[] = [];
  const refs = new Map<string, SourceRef>();
  for (const doc of store.iterateDocuments(filter)) {
    const kept: Doc['layers'] = {};
    for (const layer of layers) if (doc.layers[layer]) kept[layer] = doc.layers[layer];
    if (Object.keys(kept).length === 0) continue;
    let name = doc.externalId ?? basename(doc.source.uri ?? '') ?? doc.id;
    if (!name || refs.has(name)) name = `${name || 'doc'}#${doc.id.slice(0, 8)}`;
    refs.set(name, refOf(doc, name));
    docs.push({
      id: doc.id,
      externalId: name,
      source: doc.source,
      raw: '',
      text: doc.text,
      origin: { segments: [] },
      meta: doc.meta,
      layers: kept,
      messages: [],
    });
  }
  return { docs, refs };
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
