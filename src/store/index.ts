/**
 * store/: persistence behind the narrow `Store` interface (store.ts). SQLite (one file, WAL,
 * migrations, foreign keys, FTS5 with BM25) is the embedded default.
 */

export { csvCell, exportDocuments } from './export.js';
export { toFtsQuery } from './sqlite/fts-query.js';
export { openSqliteStore } from './sqlite/sqlite-store.js';
export type {
  DocFilter,
  DocSummary,
  PutOutcome,
  SearchHit,
  SearchPage,
  SearchQuery,
  SnippetPiece,
  Store,
  StoredDoc,
  StoreStats,
} from './store.js';
