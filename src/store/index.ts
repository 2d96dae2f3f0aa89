/**
 * store/: persistence behind the narrow `Store` interface (store.ts). SQLite (one file, WAL,
 * migrations, foreign keys, FTS5 with BM25) is the embedded default.
 */

export { csvCell, exportDocuments } from './export.js';
export { isCostlyQuery, openSqliteStore, QUERY_LIMITS, toFtsQuery } from './sqlite/index.js';
export type {
  CorpusIndex,
  CorpusStateStore,
  CurationLog,
  DocFilter,
  DocLink,
  DocRef,
  DocSummary,
  DocText,
  DocumentReader,
  DocumentWriter,
  EntityProfile,
  EntityQuery,
  EntitySort,
  EntitySummary,
  LinkMarks,
  PendingLink,
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
  StoryEntity,
  StoryIndex,
  StoryMemberPage,
  StoryMemberQuery,
  StoryMemberRef,
  TimelineEntry,
  TimelineQuery,
} from './store.js';
