/** The SQLite implementation of the Store interface, and the FTS5 query syntax it accepts. */
export { isCostlyQuery, prefixesOf, QUERY_LIMITS, toFtsQuery } from './fts-query.js';
export { openSqliteStore } from './open-store.js';
export type { WriteLockOptions } from './write-lock.js';
