/** The SQLite implementation of the Store interface, and the FTS5 query syntax it accepts. */
export { isCostlyQuery, QUERY_LIMITS, toFtsQuery } from './fts-query.js';
export { openSqliteStore } from './open-store.js';
