/** The SQLite implementation of the Store interface, and the FTS5 query syntax it accepts. */
export { toFtsQuery } from './fts-query.js';
export { openSqliteStore } from './open-store.js';
