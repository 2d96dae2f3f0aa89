import type { Doc } from '../../model/index.js';
import { NearDuplicateIndex, type NearDuplicateOptions } from './near-duplicate-index.js';

/** One group of versions of an article, as `lede duplicates --json` prints it. */
export interface DuplicateGroup {
  /** Documents by external id (the ingested record's `id`), or by document id when there is none. */
  members: string[];
  /** `exact`: every member has the same clean text up to case, punctuation and spacing. */
  kind: 'exact' | 'near';
  /** Verified pairs inside the group, with their Jaccard similarity. */
  pairs: { a: string; b: string; jaccard: number }[];
}

/**
 * Versions are looser than the evaluation's 0.8, so an updated article with a rewritten opening
 * still joins its earlier version (seed 000 against 001, a re-scrape with a new lede paragraph,
 * is at 0.81 on clean text; nothing else among the seeds is above 0.03).
 */
export const VERSION_THRESHOLD = 0.6;

export function docName(doc: Doc): string {
  return doc.externalId ?? doc.id;
}

/** Groups documents into versions of one article, adding them in the order given. */
export function findDuplicateGroups(docs: readonly Doc[], options: NearDuplicateOptions = {}): DuplicateGroup[] {
  const index = new NearDuplicateIndex({ threshold: VERSION_THRESHOLD, ...options }, docs.length);
  for (const doc of docs) index.add(doc.text);
  const names = docs.map(docName);
  const edges = index.edges();
  return index.groups().map((members) => {
    const inGroup = new Set(members);
    return {
      members: members.map((doc) => names[doc] as string),
      kind: index.isExactGroup(members) ? 'exact' : 'near',
      pairs: edges
        .filter(([a]) => inGroup.has(a))
        .map(([a, b, jaccard]) => ({ a: names[a] as string, b: names[b] as string, jaccard: round(jaccard) })),
    };
  });
}

/** The `lede duplicates --json` document. */
export function duplicatesJson(docs: readonly Doc[], options: NearDuplicateOptions = {}): { groups: DuplicateGroup[] } {
  return { groups: findDuplicateGroups(docs, options) };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
