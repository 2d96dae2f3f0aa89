import type { ReadFailure } from '../ingest/index.js';
import type { CorpusStateKey, DatedValue, Doc, DocFactsKey, LayerName, Span, StageOutput } from '../model/index.js';

/** A document as stored: the document plus the store's own bookkeeping. */
export interface StoredDoc extends Doc {
  /** The store's sequence number (insertion order). */
  seq: number;
  ingestedAt: string;
}

/** An input that could not be read, as stored: what and why, and when (ISO time). */
export interface StoredFailure extends ReadFailure {
  at: string;
}

/** A document to store, with the bytes it was read from and (when copied from another store) when it was first stored. */
export interface DocToStore {
  doc: Doc;
  original?: Uint8Array;
  /** ISO time; now when absent. `lede migrate` keeps the source's, so a copy says when it was first ingested. */
  ingestedAt?: string;
}

/** The short form lists and search results show. */
export interface DocSummary {
  id: string;
  externalId?: string;
  uri: string;
  headline?: string;
  published?: string;
  publishedEstimated: boolean;
  outlet?: string;
  sections: string[];
  wordCount: number;
}

export interface DocFilter {
  outlet?: string;
  section?: string;
  /** Inclusive ISO date bounds on the publication date. */
  from?: string;
  to?: string;
  /**
   * Count estimated dates (from the contents, a story or a twin) as dates: in date bounds, month
   * facets and date order. Off by default, so only dates the documents state place them in time.
   */
  includeEstimated?: boolean;
}

/** What search filters by: the document filter plus what the documents' layers say. */
export interface SearchFilter extends DocFilter {
  /** Only documents mentioning this entity: its per-document name (`attrs.entity`), or a corpus name from `names`. */
  entity?: string;
  /** Only documents quoting this speaker: `attrs.speakerName`, or a corpus name from `names`. */
  speaker?: string;
  /** Only documents with (true) or without (false) a quote. */
  hasQuotes?: boolean;
  /** Only documents in this language (`meta.language`: `en`, `de`, `und`). */
  language?: string;
  /**
   * Per-document entity and speaker names → the corpus-wide names (identities) they belong to. The
   * entity and speaker filters and facets then speak of corpus names; names not in the map stand
   * for themselves.
   */
  names?: ReadonlyMap<string, string>;
}

export interface SearchQuery extends SearchFilter {
  /** Words (all must match), "quoted phrases", prefix* terms; OR and NOT between terms. */
  text: string;
  limit?: number;
  offset?: number;
  /** Collapse near-duplicates into their best-ranked member (default true). */
  collapse?: boolean;
}

/** A document's place in the corpus-level results of link/. */
export interface DocLink {
  id: string;
  duplicateGroup?: string;
  duplicateKind?: 'exact' | 'near';
  story?: string;
}

/** A snippet as plain text pieces, `hit` marking matched terms: never HTML, so it is safe to render as text. */
export type SnippetPiece = { text: string; hit: boolean };

export interface SearchHit extends DocSummary {
  score: number;
  snippet: SnippetPiece[];
  /** Near-duplicates of this hit that also matched and were collapsed into it (0 when not collapsing). */
  copies: number;
  /** The ids of the best-ranked 10 of them, best first. */
  copyIds: string[];
}

/**
 * Counts are documents; when near-duplicates are collapsed, a group counts once in the total and
 * once under each value any of its matching members has, so a count is the total its filter gives.
 */
export interface SearchPage {
  total: number;
  hits: SearchHit[];
  facets: {
    outlets: { value: string; count: number }[];
    sections: { value: string; count: number }[];
    /** Publication months (`YYYY-MM`) of the matches. */
    months: { value: string; count: number }[];
    /** Entities mentioned by the matches (corpus names when `names` is given), most frequent first. */
    entities: { value: string; count: number }[];
    /** Speakers quoted by the matches. */
    speakers: { value: string; count: number }[];
    /** Matches with a quote (`true`) and without one (`false`). */
    hasQuotes: { value: 'true' | 'false'; count: number }[];
    /** Languages of the matches (ISO 639-1, `und`). */
    languages: { value: string; count: number }[];
  };
}

/** Which document a corpus-level record comes from. */
export interface DocRef {
  id: string;
  headline?: string;
  outlet?: string;
  published?: string;
}

/** One span found by a corpus query, with its evidence text and its document. */
export interface SpanRecord {
  doc: DocRef;
  layer: string;
  spanId: string;
  start: number;
  end: number;
  label: string;
  /** Entity name, speaker name or normalised date, as indexed. */
  key?: string;
  /** `doc.text.slice(start, end)` (at most 1000 characters). */
  text: string;
}

export interface QuoteQuery extends DocFilter {
  /** Quotes by this speaker: `attrs.speakerName`, or a corpus name from `names`. */
  speaker?: string;
  /** Quotes whose text mentions this entity: its per-document name, or a corpus name from `names`. */
  entity?: string;
  /**
   * Per-document speaker and entity names → the corpus-wide names (identities) they belong to, as in
   * search: filters take corpus names, and the speakers and each quote's speaker are shown by them,
   * so `Varnholt` and `Ilsa Varnholt` are one speaker.
   */
  names?: ReadonlyMap<string, string>;
  /** `newest` (default) or `oldest` first, by stated publication date; undated documents last. */
  sort?: DateSort;
  limit?: number;
  offset?: number;
}

export type DateSort = 'newest' | 'oldest';

export interface QuotePage {
  total: number;
  quotes: SpanRecord[];
  speakers: { value: string; count: number }[];
}

/** Spans of loaded language (the `loaded` layer), filtered by technique and by document. */
export interface FramingExampleQuery extends DocFilter {
  /** One technique (the span's label, e.g. `Loaded_Language`). */
  technique?: string;
  sort?: DateSort;
  limit?: number;
  offset?: number;
}

export interface FramingExamplePage {
  total: number;
  /** Each span's `label` is its technique; `key` is the technique too. */
  examples: SpanRecord[];
  /** How many spans of each technique the filter (without `technique`) matches, most first. */
  techniques: { value: string; count: number }[];
}

/** Loaded-language spans and words summed by outlet (and month), for the framing report. */
export interface FramingCounts {
  /** Documents the filter matches, and those among them with no `loaded` layer. */
  documents: number;
  withoutLayer: number;
  /** `period`: `YYYY-MM` of the stated date (`undated` without one) when by month, else `all`. */
  groups: { outlet: string; period: string; articles: number; words: number; counts: Record<string, number> }[];
}

export interface EntityQuery {
  /** Name prefix, case-insensitive. */
  text?: string;
  type?: string;
  /** `mentions` (default) or `documents`: most first; `name`: alphabetical. */
  sort?: EntitySort;
  limit?: number;
  offset?: number;
}

export type EntitySort = 'mentions' | 'documents' | 'name';

export interface EntitySummary {
  name: string;
  type: string;
  mentions: number;
  documents: number;
}

export interface EntityProfile {
  name: string;
  types: { value: string; count: number }[];
  /** How the entity is written in the texts: its aliases as found. */
  surfaceForms: { value: string; count: number }[];
  mentions: number;
  documents: number;
  byMonth: { value: string; count: number }[];
  recentDocuments: DocRef[];
  quotesBy: SpanRecord[];
  quotesAbout: SpanRecord[];
  /** Entities in the same documents (over the most recent `cooccurrenceWindow` documents). */
  cooccurring: { name: string; type: string; documents: number }[];
  cooccurrenceWindow: number;
}

export interface TimelineQuery extends DocFilter {
  entity?: string;
  limit?: number;
}

export interface TimelineEntry extends SpanRecord {
  /** The normalised date (TIMEX3 value or event date) the entry is placed at. */
  date: string;
}

export type PutOutcome = { id: string; status: 'inserted' } | { id: string; status: 'duplicate'; existing: string };

export interface StoreStats {
  documents: number;
  words: number;
  outlets: { value: string; count: number }[];
  mediaTypes: { value: string; count: number }[];
  failures: number;
  earliest?: string;
  latest?: string;
  layers: { layer: string; spans: number }[];
}

export interface DocText {
  id: string;
  headline?: string;
  text: string;
  layers: Partial<Record<LayerName, Span[]>>;
}

/** Reading stored documents, their layers and original bytes. */
export interface DocumentReader {
  hasDocument(id: string): Promise<boolean>;
  /** By id, unique id prefix (at least 6 characters), or external id. */
  getDocument(ref: string): Promise<StoredDoc | undefined>;
  getOriginal(id: string): Promise<Uint8Array | undefined>;
  listDocuments(filter: DocFilter & { limit?: number; offset?: number }): Promise<DocSummary[]>;
  /** Every document, streamed in insertion order, so exports never hold the corpus in memory. */
  iterateDocuments(filter?: DocFilter): AsyncIterableIterator<StoredDoc>;
  /** How many documents `iterateDocuments(filter)` yields. */
  countDocuments(filter?: DocFilter): Promise<number>;
  /**
   * One layer of every document that has it, with the clean text its spans point into, in insertion
   * order; `withText: false` leaves `text` empty, for layers that do not point into it (`metaEntities`).
   */
  iterateLayer(
    layer: LayerName,
    options?: { withText?: boolean },
  ): AsyncIterableIterator<{ id: string; text: string; spans: Span[] }>;
  /**
   * A few documents (a page of them) as far as a page shows them: headline, clean text and the
   * layers asked for, in the order given; unknown ids are skipped. Lighter than `getDocument`.
   */
  textsOf(ids: readonly string[], layers?: readonly LayerName[]): Promise<DocText[]>;
  /** The `stage@version` of each stored layer and computed `meta` field, to find what a newer pipeline must recompute. */
  outputVersions(id: string): Promise<Map<StageOutput, string>>;
  /** The inputs that failed to read, in the order they were recorded. */
  listFailures(): Promise<StoredFailure[]>;
  stats(): Promise<StoreStats>;
}

/** Storing and rewriting documents (ingest, reprocessing, inherited dates). */
export interface DocumentWriter {
  /** Stores a batch in one transaction: all of it or none. A document whose id is present is a duplicate. */
  putDocuments(docs: readonly DocToStore[]): Promise<PutOutcome[]>;
  /** Replaces some layers of a stored document (reprocessing). */
  putLayers(id: string, layers: Partial<Record<LayerName, Span[]>>): Promise<void>;
  /** Replaces a stored document's cleaning and analysis (reprocessing), keeping its id and original bytes. */
  replaceDocument(doc: Doc): Promise<void>;
  /** Sets (or, undefined, clears) a document's publication date: linking's inherited and story dates. */
  setPublished(id: string, published: DatedValue | undefined): Promise<void>;
  /** Records failed inputs, each at its `at` when given (a copy from another store), else now. */
  recordFailures(failures: readonly (ReadFailure & { at?: string })[]): Promise<void>;
  /**
   * Short lines recurring in at least `minDocuments` documents of an outlet, by outlet ('' for
   * documents with no known outlet): learnt boilerplate.
   */
  learntBoilerplateByOutlet(minDocuments: number): Promise<Map<string, Set<string>>>;
}

/** Full-text search and the span-index views across the corpus. */
export interface CorpusIndex {
  search(query: SearchQuery): Promise<SearchPage>;
  /** Quotes across the corpus, from the documents' `quotes` layers. */
  listQuotes(query: QuoteQuery): Promise<QuotePage>;
  /** Loaded-language spans across the corpus, a page at a time, from the documents' `loaded` layers. */
  listFramingExamples(query: FramingExampleQuery): Promise<FramingExamplePage>;
  /** Words and loaded-language spans of the documents with a `loaded` layer, by outlet (and month). */
  countFraming(filter: DocFilter, byMonth: boolean): Promise<FramingCounts>;
  /** Entities across the corpus (by `attrs.entity`), most mentioned first. */
  listEntities(query: EntityQuery): Promise<EntitySummary[]>;
  /**
   * `skip` leaves out the costliest parts (returned empty) for callers that compute their own, as
   * the identity page does.
   */
  getEntity(
    name: string,
    options?: { skip?: readonly ('cooccurring' | 'surfaceForms')[] },
  ): Promise<EntityProfile | undefined>;
  /** The newest `limit` of these documents (by store id), newest first; unknown ids are skipped. */
  newestDocRefs(ids: readonly string[], limit: number): Promise<DocRef[]>;
  /** Dated `timexes` and `events` spans, in date order. */
  timeline(query: TimelineQuery): Promise<TimelineEntry[]>;
  /** How many indexed words start with `prefix` (as the index holds words: folded, lower case), counted up to `atMost`. */
  wordsStartingWith(prefix: string, atMost: number): Promise<number>;
}

/** Corpus-level results (stories, claims, identities, ...) as plain JSON under typed keys. */
export interface CorpusStateStore {
  /** A corpus-level result or index (plain JSON) under its key, or undefined. */
  getCorpusState<T>(key: CorpusStateKey<T>): Promise<T | undefined>;
  putCorpusState<T>(key: CorpusStateKey<T>, value: T): Promise<void>;
  /** Changes whenever the keyed corpus state is written (undefined while it has none): a cache key cheaper than reading it. */
  corpusStateVersion(key: CorpusStateKey<unknown>): Promise<string | undefined>;
}

/** A stored document without its text or layers: what a corpus step needs to name its sources. */
export interface DocHead {
  id: string;
  externalId?: string;
  uri: string;
  headline?: string;
  outlet?: string;
  published?: DatedValue;
}

/**
 * What corpus steps read out of each document, kept per document under typed keys, so that linking
 * reads a document once. Rewriting a document (reprocessing, a new layer) forgets its facts, so
 * they are read again from what the document now says; a new publication date does not (facts that
 * depend on it take it from `DocHead` when they are read back).
 */
export interface DocFactsStore {
  /** Every document (filtered) in insertion order, without text or layers. */
  iterateDocHeads(filter?: DocFilter): AsyncIterableIterator<DocHead>;
  /**
   * The facts kept under this key by document id, only those read by the key's version: of these
   * documents, or of all (a corpus-sized map: callers that need not hold them all read a page at a time).
   */
  readDocFacts<T>(key: DocFactsKey<T>, ids?: readonly string[]): Promise<Map<string, T>>;
  putDocFacts<T>(key: DocFactsKey<T>, rows: readonly { id: string; facts: T }[]): Promise<void>;
  /** Forgets every kept fact, so the next run reads every document again (`lede link --rebuild`). */
  clearDocFacts(): Promise<void>;
}

/** A placed document as the kept story index adds it to its story. */
export interface StoryTermMember {
  id: string;
  story: number;
  /** Norm of its TF-IDF vector under the document frequencies of its arrival. */
  norm: number;
  /** Each of its terms once, with what it adds to the story's centroid (log-tf / norm). */
  terms: readonly (readonly [string, number])[];
}

/** A member of the kept story index with what a story's label and dates are read from. */
export interface KeptStoryMember {
  id: string;
  externalId?: string;
  headline?: string;
  outlet?: string;
  /** The stated publication date (an estimate is left out). */
  statedDate?: string;
  norm: number;
}

/** A document's keys in the kept version index: its exact-text key and LSH band keys (null: no words). */
export interface KeptVersionKeys {
  id: string;
  exact: readonly [number, number];
  bands: readonly number[] | null;
}

/**
 * The story and version indexes kept between linking runs, so that placing new documents reads the
 * stories, terms and keys they touch rather than every earlier document. Written only by linking,
 * inside its transaction.
 */
export interface KeptIndexes {
  /** Documents the kept story index holds. */
  storyDocuments(): Promise<number>;
  /** In how many kept documents each of these terms occurs (absent: none). */
  termFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Stories whose centroid holds the term, in the arrival order of the member that first brought it. */
  storiesWithTerm(term: string): Promise<number[]>;
  /** A story's centroid: per term, the sum over its members of log-tf / norm. */
  storyCentroid(story: number): Promise<Map<string, number>>;
  /** A story's kept members in arrival order. */
  storyMembers(story: number): Promise<KeptStoryMember[]>;
  /** Adds members in arrival order (each after every member already kept). */
  addStoryMembers(members: readonly StoryTermMember[]): Promise<void>;
  /** Documents the kept version index holds. */
  versionDocuments(): Promise<number>;
  /** Kept documents (with words) whose normalised text has this key, in arrival order. */
  withExactKey(key: readonly [number, number]): Promise<string[]>;
  /** A kept document's exact-text key. */
  exactKeyOf(id: string): Promise<[number, number] | undefined>;
  /** Kept documents sharing one of these band keys. */
  withBandKeys(keys: readonly number[]): Promise<string[]>;
  addVersionKeys(rows: readonly KeptVersionKeys[]): Promise<void>;
  /** Empties both kept indexes (before linking every document afresh). */
  clear(): Promise<void>;
}

/** Each document's version group and story, and the mark that linking is due. */
export interface LinkMarks {
  /**
   * Replaces every document's near-duplicate group and story at once (writing only what changed).
   * The names counted per story are recounted for the stories whose members changed, or for all
   * with `recountAll` (documents were rewritten, so unchanged stories may name other things).
   */
  putDocLinks(links: readonly DocLink[], options?: { recountAll?: boolean }): Promise<void>;
  getDocLink(id: string): Promise<DocLink | undefined>;
  /** Ids of the documents sharing a near-duplicate group or a story. */
  membersOf(field: 'duplicateGroup' | 'story', value: string): Promise<string[]>;
  /**
   * Set in the transaction that stores or rewrites documents, cleared by `clearPendingLink` when
   * linking commits: undefined when every stored document is linked.
   */
  pendingLink(): Promise<PendingLink | undefined>;
  clearPendingLink(): Promise<void>;
}

export interface StoryMemberQuery {
  offset: number;
  limit: number;
  /** By ordering day (the stated date, else the first day of an estimate); undated members count as oldest. */
  order: 'oldest' | 'newest';
  /** Whether to find each member's previous version (`previousVersion`); true unless false. */
  versions?: boolean;
}

export interface StoryMemberRef extends DocRef {
  externalId?: string;
  duplicateGroup?: string;
  /** The member of the same version group just before this one in the story's date order. */
  previousVersion?: string;
}

export interface StoryMemberPage {
  /** Members stored under the story. */
  total: number;
  members: StoryMemberRef[];
}

export interface StoryEntity {
  name: string;
  type: string;
  /** Members of the story that mention it. */
  documents: number;
}

/**
 * A story's members and names as linking stored them, a page at a time: read by story id, so a
 * story of thousands never becomes a list of thousands of ids.
 */
export interface StoryIndex {
  storyMembers(story: string, query: StoryMemberQuery): Promise<StoryMemberPage>;
  /** The versions of one article just before and after this document in its story's order. */
  versionsAround(id: string): Promise<{ previous?: string; next?: string }>;
  /** The names most of its members mention, most first (at most 30), counted when the links were stored. */
  storyEntities(story: string, limit: number): Promise<StoryEntity[]>;
}

/** Entity curation decisions, kept apart from machine output so every rebuild re-applies them. */
export interface CurationLog {
  /** Records a decision made now, or at `at` (ISO time) when copied from another store. */
  addCuration(decision: unknown, at?: string): Promise<void>;
  /** Entity curation decisions, in the order they were made. */
  listCuration(): Promise<{ id: number; decision: unknown; at: string }[]>;
}

/**
 * What the stages, CLI and server need from persistence: the role interfaces above, which callers
 * take one at a time where they need only one. Every method is asynchronous, so that a networked
 * database can answer; SQLite implements it today (synchronously inside), and a PostgreSQL
 * implementation can follow without touching the stages. Open one with `openStore` (index.ts).
 */
export interface Store
  extends DocumentReader,
    DocumentWriter,
    CorpusIndex,
    CorpusStateStore,
    DocFactsStore,
    LinkMarks,
    StoryIndex,
    CurationLog {
  readonly location: string;
  /** What linking keeps of its indexes between runs. */
  readonly keptIndexes: KeptIndexes;
  /**
   * Runs `work` as one transaction holding the store's write lock (waiting for other processes'
   * writes first): other writers wait until it ends, and a crash or a throw keeps none of its writes.
   */
  writeExclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PendingLink {
  /** Stored documents were rewritten (reprocessing): earlier links are stale and linking must start afresh. */
  rebuild: boolean;
  /** When the first unlinked write happened (ISO time). */
  since: string;
}
