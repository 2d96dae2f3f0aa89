/**
 * store/: persistence behind the narrow `Store` interface (store.ts). SQLite (one file, WAL,
 * migrations, foreign keys, FTS5 with BM25) is the embedded default.
 */

export { csvCell, exportDocuments } from './export.js';
export { isCostlyQuery, QUERY_LIMITS, toFtsQuery } from './sqlite/fts-query.js';
export { openSqliteStore } from './sqlite/sqlite-store.js';
export type {
  DocFilter,
  DocLink,
  DocRef,
  DocSummary,
  EntityProfile,
  EntityQuery,
  EntitySummary,
  PutOutcome,
  QuotePage,
  QuoteQuery,
  SearchHit,
  SearchPage,
  SearchQuery,
  SnippetPiece,
  SpanRecord,
  Store,
  StoredDoc,
  StoreStats,
  TimelineEntry,
  TimelineQuery,
} from './store.js';
