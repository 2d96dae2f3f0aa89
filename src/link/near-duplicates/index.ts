/**
 * link/near-duplicates: exact duplicates (same clean text up to case, punctuation and spacing) and
 * near-duplicates (MinHash over word-5-shingles of the clean body, 32 LSH bands × 4 rows, every
 * candidate verified by exact Jaccard), grouped into versions of one article with union-find.
 * Requires only `doc.text`. The index is incremental (add one text, query candidates) and its state
 * is a handful of typed arrays a store can persist (`toState` / `fromState`).
 * Limits: 32-bit shingle hashes (collisions negligible at news lengths); shingle sets are kept for
 * verification, about 0.6 kB per short wire story, so a million documents need about 2 GB.
 * Measured (`lede eval near-duplicates`, 2026-11-23): pairs with Jaccard ≥ 0.8: bbc P 1.0000 R 1.0000
 * (157 pairs), reuters21578 P 1.0000 R 1.0000 (481 pairs). Build on the 19,875 articles: see bench.ts.
 */
export { type BenchResult, type BenchRow, benchNearDuplicates, formatBench } from './bench.js';
export { type CorpusResult, evaluateNearDuplicates } from './evaluate.js';
export { type DuplicateGroup, docName, duplicatesJson, findDuplicateGroups, VERSION_THRESHOLD } from './groups.js';
export { DEFAULT_LSH, type LshParams } from './minhash.js';
export {
  type DuplicateMatch,
  NearDuplicateIndex,
  type NearDuplicateOptions,
  type NearDuplicateState,
} from './near-duplicate-index.js';
export { exactKey, jaccard, shingleHashes, words } from './shingles.js';
