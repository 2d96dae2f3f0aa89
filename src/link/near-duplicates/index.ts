/**
 * link/near-duplicates: exact duplicates (same clean text up to case, punctuation and spacing) and
 * near-duplicates (MinHash over word-5-shingles of the clean body, 32 LSH bands × 4 rows, every
 * candidate verified by exact Jaccard), grouped into versions of one article with union-find.
 * Requires only `doc.text`. The index is incremental (add one text, query candidates) and its state
 * is a handful of typed arrays a store can persist (`toState` / `fromState`). `lede link` instead
 * re-indexes texts already linked with `insert` (no matching) and puts their stored pairs back with
 * `link`, so only new texts are matched (re-indexing 2,225 BBC articles takes 0.54 s: too little to
 * be worth persisting the shingle arrays).
 * Limits: 32-bit shingle hashes; shingle sets are kept for verification, so memory is about
 * 1.6 kB per short wire story (1.6 GB of typed arrays at a million documents).
 * Measured (`lede eval near-duplicates`, 2026-11-23): pairs with Jaccard ≥ 0.8: bbc P 1.0000 R 1.0000
 * (157 pairs), reuters21578 P 1.0000 R 1.0000 (481 pairs); at 0.6: reuters R 0.9984 (1 missed).
 * `npx tsx src/bench/near-duplicates-bench.ts` (load average 5–7 on 2 cores): the 19,875 BBC + Reuters
 * articles in 4,982 ms, 37 MB of index, 202 MB RSS; 244–360 µs per document from 10k to 1M.
 */
export { type DuplicateGroup, docName, duplicatesJson, findDuplicateGroups, VERSION_THRESHOLD } from './groups.js';
export { DEFAULT_LSH, type LshParams } from './minhash.js';
export {
  type DuplicateMatch,
  type KeptVersions,
  NearDuplicateIndex,
  type NearDuplicateOptions,
  type NearDuplicateState,
  type TextFeatures,
} from './near-duplicate-index.js';
export { exactKey, jaccard, mix32, shingleHashes, words } from './shingles.js';
