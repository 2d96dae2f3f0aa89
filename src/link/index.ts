/** Corpus-level linking over many documents: entity identity (and later near-duplicates, clusters, claims). */
export * from './identity/index.js';
