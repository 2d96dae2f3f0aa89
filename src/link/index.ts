/** Corpus-level linking: near-duplicates and versions, story clusters, entity identity, claims. */

export * from './clusters/index.js';
export * from './near-duplicates/index.js';
export * from './versions/index.js';
