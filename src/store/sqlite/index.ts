/** The SQLite implementation of the Store interface, and the FTS5 query syntax it accepts. */
export { isCostlyQuery, prefixesOf, QUERY_LIMITS, toFtsQuery, unspacedRunsOf } from './fts-query.js';
export { boilerplateCandidates } from './learnt-lines.js';
export { openSqliteStore } from './open-store.js';
export { countWords } from './rows.js';
export { foldForSearch, unspacedBigramsOf } from './search-text.js';
export { snippetAround } from './snippet.js';
export type { WriteLockOptions } from './write-lock.js';
