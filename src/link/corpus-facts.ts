/**
 * What a corpus step reads out of each document, kept in the store per document (`DocFactsStore`):
 * linking reads only the documents that are new or were rewritten since the last run, and takes the
 * rest from what was kept, so the reading part of a step costs in proportion to what is new.
 */
import { basename } from 'node:path';
import type { Doc, DocFactsKey } from '../model/index.js';
import { type DocFilter, type DocHead, fromAsync, type Store } from '../store/index.js';
import type { SourceRef } from './store-docs.js';

export interface DocumentFacts<T> {
  /** The document as results name it (`SourceRef.name`: the external id or the file name, made unique). */
  ref: SourceRef;
  facts: T;
  /** Read on this run (new, rewritten, or read by an older reader), not taken from what was kept. */
  fresh: boolean;
}

export interface CorpusFacts<T> {
  /** Every document the filter keeps, in insertion order. */
  documents: DocumentFacts<T>[];
  /** How many of them had to be read (new, rewritten, or read by an older version of the reader). */
  read: number;
}

/**
 * Each document's facts under `key`: kept ones as they are, the others from `read(doc, name)`,
 * which must depend on nothing but the document's text, layers and fixed metadata, so that kept and
 * fresh facts are the same. Facts are kept under the document id and made current by
 * `rename(facts, name, head)` (a copy: the stored facts stay as they are): the name, only unique
 * within the corpus of the moment, and what linking may change, the publication date.
 */
export async function corpusFacts<T>(
  store: Store,
  key: DocFactsKey<T>,
  reader: { read(doc: Doc, name: string): T; rename(facts: T, name: string, head: DocHead): T },
  filter: DocFilter = {},
): Promise<CorpusFacts<T>> {
  const kept = await store.readDocFacts(key);
  const documents: DocumentFacts<T>[] = [];
  const fresh: { id: string; facts: T }[] = [];
  const names = new Set<string>();
  // Listed first: the store reads no other document while a listing is open.
  for (const head of await fromAsync(store.iterateDocHeads(filter))) {
    let name = head.externalId ?? basename(head.uri ?? '') ?? head.id;
    if (!name || names.has(name)) name = `${name || 'doc'}#${head.id.slice(0, 8)}`;
    names.add(name);
    const ref = headRef(head, name);
    const known = kept.get(head.id);
    if (known !== undefined) {
      documents.push({ ref, facts: reader.rename(known, name, head), fresh: false });
      continue;
    }
    const doc = await store.getDocument(head.id);
    if (!doc) continue;
    const facts = reader.read(doc, head.id);
    fresh.push({ id: head.id, facts });
    documents.push({ ref, facts: reader.rename(facts, name, head), fresh: true });
  }
  await store.putDocFacts(key, fresh);
  return { documents, read: fresh.length };
}

function headRef(head: DocHead, name: string): SourceRef {
  return {
    docId: head.id,
    name,
    ...(head.headline !== undefined ? { headline: head.headline } : {}),
    ...(head.outlet !== undefined ? { outlet: head.outlet } : {}),
    ...(head.published && !head.published.estimated ? { published: head.published.value } : {}),
  };
}
