/**
 * store/: persistence behind the narrow, asynchronous `Store` interface (store.ts), opened by
 * `openStore`. SQLite (one file, WAL, migrations, foreign keys, FTS5 with BM25) is the embedded
 * default; it answers synchronously inside and returns promises.
 */

export { type CopyOptions, type CopyProgress, type CopySummary, copyStore } from './copy-store.js';
export { csvCell, exportDocuments } from './export.js';
export { fromAsync } from './from-async.js';
export { type OpenStoreOptions, openStore } from './open.js';
export { searchVector } from './postgres/index.js';
export { countWords, isCostlyQuery, openSqliteStore, prefixesOf, QUERY_LIMITS, toFtsQuery } from './sqlite/index.js';
export type {
  CorpusIndex,
  CorpusStateStore,
  CurationLog,
  DateSort,
  DocFactsStore,
  DocFilter,
  DocHead,
  DocLink,
  DocRef,
  DocSummary,
  DocText,
  DocToStore,
  DocumentReader,
  DocumentWriter,
  EntityProfile,
  EntityQuery,
  EntitySort,
  EntitySummary,
  FramingCounts,
  FramingExamplePage,
  FramingExampleQuery,
  KeptIndexes,
  KeptStoryMember,
  KeptVersionKeys,
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
  StoredFailure,
  StoreStats,
  StoryEntity,
  StoryIndex,
  StoryMemberPage,
  StoryMemberQuery,
  StoryMemberRef,
  StoryTermMember,
  TimelineEntry,
  TimelineQuery,
} from './store.js';
