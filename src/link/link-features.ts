/**
 * What placing a document into versions and stories takes from it, kept per document by the store
 * so that a later run puts earlier documents back into the indexes without reading their text.
 */
import { defineDocFacts } from '../model/index.js';
import type { StoryTerms } from './clusters/index.js';
import type { TextFeatures } from './near-duplicates/index.js';

export interface StoredLinkFeatures {
  /** Base64 of the sorted shingle hashes (Uint32, little-endian as the platform writes them). */
  shingles: string;
  exact: [number, number];
  bands: string | null;
  /** Story terms in the order they were found, which is the order they are summed in. */
  terms: [string, number][];
}

/**
 * Kept per document. When the linking parameters change (term weights, thresholds), linking places
 * every document afresh from its text and writes its features again; bump the version when the
 * stopwords or the shingling change.
 */
export const LINK_FEATURES = defineDocFacts<StoredLinkFeatures>('link-features', 1);

export function encodeLinkFeatures(text: TextFeatures, terms: StoryTerms): StoredLinkFeatures {
  return {
    shingles: toBase64(text.shingles),
    exact: text.exact,
    bands: text.bands ? toBase64(text.bands) : null,
    terms: [...terms],
  };
}

export function decodeLinkFeatures(stored: StoredLinkFeatures): { text: TextFeatures; terms: StoryTerms } {
  return {
    text: {
      shingles: fromBase64(stored.shingles),
      exact: stored.exact,
      bands: stored.bands ? fromBase64(stored.bands) : null,
    },
    terms: new Map(stored.terms),
  };
}

function toBase64(values: Uint32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function fromBase64(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, 'base64');
  // A copy: a decoded Buffer may sit at an offset of a shared pool that is not a multiple of four.
  const values = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}
