import type Database from 'better-sqlite3';
import { LedeError } from '../../errors.js';
import type { ReadFailure } from '../../ingest/index.js';
import type {
  CorpusStateKey,
  DatedValue,
  Doc,
  DocFactsKey,
  DocMeta,
  LayerName,
  Span,
  StageOutput,
} from '../../model/index.js';
import type {
  DocFilter,
  DocHead,
  DocLink,
  DocRef,
  DocSummary,
  DocText,
  DocToStore,
  EntityProfile,
  EntityQuery,
  EntitySummary,
  FramingCounts,
  FramingExamplePage,
  FramingExampleQuery,
  PendingLink,
  PutOutcome,
  QuotePage,
  QuoteQuery,
  SearchPage,
  SearchQuery,
  Store,
  StoredDoc,
  StoredFailure,
  StoreStats,
  StoryEntity,
  StoryMemberPage,
  StoryMemberQuery,
  TimelineEntry,
  TimelineQuery,
} from '../store.js';
import { CorpusQueries, indexSpans } from './corpus-queries.js';
import { SqliteCurationLog } from './curation-log.js';
import { DocFacts } from './doc-facts.js';
import { dateOrder, statedDate, whereClause } from './doc-filter.js';
import { DocLinks } from './doc-links.js';
import { readDocTexts } from './doc-texts.js';
import { FacetColumns } from './facet-columns.js';
import { SqliteKeptIndexes } from './kept-indexes.js';
import { boilerplateCandidates } from './learnt-lines.js';
import { MetaVersions } from './meta-versions.js';
import { PendingLinkMark } from './pending-link.js';
import { countWords, type DocumentRow, SUMMARY_COLUMNS, type SummaryRow, toStoredDoc, toSummary } from './rows.js';
import { foldForSearch, unspacedBigramsOf } from './search-text.js';
import { SqliteSearch } from './sqlite-search.js';
import { readStoreStats } from './store-stats.js';
import type { WriteLock } from './write-lock.js';

export class SqliteStore implements Store {
  private readonly statements;
  private readonly corpus: CorpusQueries;
  private readonly facets: FacetColumns;
  private readonly linkMark: PendingLinkMark;
  private readonly searcher: SqliteSearch;
  private readonly metaVersions: MetaVersions;
  private readonly links: DocLinks;
  private readonly facts: DocFacts;
  private readonly curation: SqliteCurationLog;
  readonly keptIndexes: SqliteKeptIndexes;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    private readonly lock: WriteLock,
  ) {
    this.corpus = new CorpusQueries(db);
    this.facets = new FacetColumns(db);
    this.linkMark = new PendingLinkMark(db);
    this.searcher = new SqliteSearch(db, this.facets);
    this.metaVersions = new MetaVersions(db);
    this.links = new DocLinks(db);
    this.facts = new DocFacts(db);
    this.curation = new SqliteCurationLog(db, lock);
    this.keptIndexes = new SqliteKeptIndexes(db, lock);
    this.statements = {
      hasId: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
      idOfExternal: db.prepare('SELECT id FROM documents WHERE external_id = ?').pluck(),
      insertDocument: db.prepare(`INSERT INTO documents
        (id, external_id, uri, media_type, charset, charset_from, hints, fetched_at, ingested_at, headline, published,
         published_estimated, outlet, language, meta, text, raw, origin, messages, word_count, cjk)
        VALUES (@id, @external_id, @uri, @media_type, @charset, @charset_from, @hints, @fetched_at, @ingested_at, @headline,
         @published, @published_estimated, @outlet, @language, @meta, @text, @raw, @origin, @messages, @word_count, @cjk)`),
      insertFts: db.prepare('INSERT INTO documents_fts (rowid, headline, text, cjk) VALUES (?, ?, ?, ?)'),
      deleteFts: db.prepare(
        "INSERT INTO documents_fts (documents_fts, rowid, headline, text, cjk) VALUES ('delete', ?, ?, ?, ?)",
      ),
      insertOriginal: db.prepare('INSERT INTO originals (doc_seq, bytes) VALUES (?, ?)'),
      insertSection: db.prepare('INSERT OR IGNORE INTO document_sections (doc_seq, section) VALUES (?, ?)'),
      upsertLayer: db.prepare(`INSERT INTO layers (doc_seq, layer, stage, version, span_count, spans)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (doc_seq, layer) DO UPDATE SET stage = excluded.stage, version = excluded.version,
          span_count = excluded.span_count, spans = excluded.spans`),
      countLine: db.prepare(`INSERT INTO outlet_lines (outlet, line, documents) VALUES (?, ?, 1)
        ON CONFLICT (outlet, line) DO UPDATE SET documents = documents + 1`),
      byId: db.prepare('SELECT * FROM documents WHERE id = ?'),
      byExternal: db.prepare('SELECT * FROM documents WHERE external_id = ?'),
      byPrefix: db.prepare("SELECT * FROM documents WHERE id >= ? AND id < ? || 'g' LIMIT 2"),
      layersOf: db.prepare('SELECT layer, spans FROM layers WHERE doc_seq = ?'),
      original: db
        .prepare('SELECT o.bytes FROM originals o JOIN documents d ON d.seq = o.doc_seq WHERE d.id = ?')
        .pluck(),
      insertFailure: db.prepare('INSERT INTO failures (uri, reason, at) VALUES (?, ?, ?)'),
      failures: db.prepare('SELECT uri, reason, at FROM failures ORDER BY id'),
      learntAll: db.prepare('SELECT outlet, line FROM outlet_lines WHERE documents >= ?'),
      bumpGeneration: db.prepare('UPDATE generations SET value = value + 1 WHERE name = ?'),
      // A generation, not corpus_state.updated_at: that column sits after the value, which can be
      // megabytes of overflow pages to walk through.
      corpusStateVersion: db
        .prepare(
          `SELECT g.value FROM corpus_state s JOIN generations g ON g.name = 'corpus_state:' || s.name
           WHERE s.name = ?`,
        )
        .pluck(),
      bumpStateGeneration: db.prepare(
        `INSERT INTO generations (name, value) VALUES ('corpus_state:' || ?, 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1`,
      ),
    };
  }

  async putDocuments(batch: readonly DocToStore[]): Promise<PutOutcome[]> {
    const s = this.statements;
    return this.lock.run(() => {
      const outcomes = batch.map(({ doc, original, ingestedAt }): PutOutcome => {
        if (s.hasId.get(doc.id)) return { id: doc.id, status: 'duplicate', existing: doc.id };
        if (doc.externalId !== undefined) {
          const existing = s.idOfExternal.get(doc.externalId) as string | undefined;
          if (existing) return { id: doc.id, status: 'duplicate', existing };
        }
        const cjk = unspacedBigramsOf(doc.meta.headline ?? null, doc.text);
        const info = s.insertDocument.run({
          id: doc.id,
          external_id: doc.externalId ?? null,
          uri: doc.source.uri,
          media_type: doc.source.mediaType,
          charset: doc.source.charset ?? null,
          charset_from: doc.source.charsetFrom ?? null,
          hints: doc.source.hints ? JSON.stringify(doc.source.hints) : null,
          fetched_at: doc.source.fetchedAt ?? null,
          ingested_at: ingestedAt ?? new Date().toISOString(),
          headline: doc.meta.headline ?? null,
          published: doc.meta.published?.value ?? null,
          published_estimated: doc.meta.published?.estimated ? 1 : 0,
          outlet: doc.meta.outlet ?? null,
          language: doc.meta.language ?? null,
          meta: JSON.stringify(doc.meta),
          text: doc.text,
          raw: doc.raw,
          origin: JSON.stringify(doc.origin),
          messages: JSON.stringify(doc.messages),
          word_count: countWords(doc.text),
          cjk,
        });
        const seq = Number(info.lastInsertRowid);
        s.insertFts.run(seq, foldForSearch(doc.meta.headline ?? ''), foldForSearch(doc.text), cjk);
        if (original) s.insertOriginal.run(seq, Buffer.from(original));
        for (const section of doc.meta.sections) s.insertSection.run(seq, section);
        this.writeLayers(seq, doc.layers, { text: doc.text, published: statedDate(doc.meta.published) }, doc.versions);
        for (const line of boilerplateCandidates(doc.raw)) s.countLine.run(doc.meta.outlet ?? '', line);
        return { id: doc.id, status: 'inserted' };
      });
      if (outcomes.some((outcome) => outcome.status === 'inserted')) this.linkMark.set(false);
      return outcomes;
    });
  }

  async pendingLink(): Promise<PendingLink | undefined> {
    return this.linkMark.read();
  }

  async clearPendingLink(): Promise<void> {
    this.lock.run(() => this.linkMark.clear());
  }

  writeExclusively<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.runAsync(work);
  }

  private writeLayers(
    seq: number,
    layers: Partial<Record<LayerName, Span[]>>,
    doc: { text: string; published?: string },
    versions: Doc['versions'] = {},
  ): void {
    for (const [layer, spans] of Object.entries(layers) as [LayerName, Span[]][]) {
      const [stage, version] = (versions?.[layer] ?? `${spans[0]?.by.stage ?? ''}@${spans[0]?.by.version ?? 0}`).split(
        '@',
      );
      this.statements.upsertLayer.run(
        seq,
        layer,
        stage ?? '',
        Number(version ?? 0),
        spans.length,
        JSON.stringify(spans),
      );
      indexSpans(this.db, seq, layer, spans, doc);
    }
    this.metaVersions.write(seq, versions);
  }

  async putLayers(id: string, layers: Partial<Record<LayerName, Span[]>>): Promise<void> {
    const row = this.statements.byId.get(id) as DocumentRow | undefined;
    if (!row) throw new LedeError('NOT_FOUND', `no document ${id}`);
    this.lock.run(() => {
      this.writeLayers(row.seq, layers, {
        text: row.text,
        published: row.published_estimated ? undefined : (row.published ?? undefined),
      });
      this.facts.forget(row.seq);
      this.statements.bumpGeneration.run('documents');
      this.linkMark.set(true);
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return Boolean(this.statements.hasId.get(id));
  }

  async getDocument(ref: string): Promise<StoredDoc | undefined> {
    const s = this.statements;
    let row = (s.byId.get(ref) ?? s.byExternal.get(ref)) as DocumentRow | undefined;
    if (!row && /^[0-9a-f]{6,}$/.test(ref)) {
      const rows = s.byPrefix.all(ref, ref) as DocumentRow[];
      if (rows.length > 1)
        throw new LedeError('USAGE', `the id prefix ${ref} matches several documents; give more of it`);
      row = rows[0];
    }
    return row ? this.hydrate(row) : undefined;
  }

  async getOriginal(id: string): Promise<Uint8Array | undefined> {
    const bytes = this.statements.original.get(id) as Buffer | undefined;
    return bytes ? new Uint8Array(bytes) : undefined;
  }

  private hydrate(row: DocumentRow): StoredDoc {
    return toStoredDoc(row, this.statements.layersOf.all(row.seq) as { layer: LayerName; spans: string }[]);
  }

  async listDocuments(filter: DocFilter & { limit?: number; offset?: number }): Promise<DocSummary[]> {
    const { where, params } = whereClause(filter);
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM documents d ${where} ORDER BY ${dateOrder(filter)} DESC, d.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 50, filter.offset ?? 0) as SummaryRow[];
    return rows.map(toSummary);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    return this.searcher.search(query);
  }

  async *iterateDocuments(filter: DocFilter = {}): AsyncIterableIterator<StoredDoc> {
    const { where, params } = whereClause(filter);
    // A separate read connection would be needed to write while iterating; exports only read.
    for (const row of this.db.prepare(`SELECT d.* FROM documents d ${where} ORDER BY d.seq`).iterate(...params)) {
      yield this.hydrate(row as DocumentRow);
    }
  }

  async *iterateDocHeads(filter: DocFilter = {}): AsyncIterableIterator<DocHead> {
    yield* this.facts.heads(filter);
  }

  async readDocFacts<T>(key: DocFactsKey<T>, ids?: readonly string[]): Promise<Map<string, T>> {
    return this.facts.read(key, ids);
  }

  async putDocFacts<T>(key: DocFactsKey<T>, rows: readonly { id: string; facts: T }[]): Promise<void> {
    if (rows.length > 0) this.lock.run(() => this.facts.put(key, rows));
  }

  async clearDocFacts(): Promise<void> {
    this.lock.run(() => this.facts.clear());
  }

  async countDocuments(filter: DocFilter = {}): Promise<number> {
    const { where, params } = whereClause(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM documents d ${where}`).get(...params) as { n: number }).n;
  }

  async *iterateLayer(
    layer: LayerName,
    options: { withText?: boolean } = {},
  ): AsyncIterableIterator<{ id: string; text: string; spans: Span[] }> {
    // Lighter than iterateDocuments: no raw text, offset map or other layers are parsed.
    const text = options.withText === false ? "''" : 'd.text';
    const rows = this.db
      .prepare(
        `SELECT d.id, ${text} AS text, l.spans FROM layers l JOIN documents d ON d.seq = l.doc_seq WHERE l.layer = ? ORDER BY d.seq`,
      )
      .iterate(layer) as IterableIterator<{ id: string; text: string; spans: string }>;
    for (const row of rows) yield { id: row.id, text: row.text, spans: JSON.parse(row.spans) as Span[] };
  }

  async textsOf(ids: readonly string[], layers: readonly LayerName[] = []): Promise<DocText[]> {
    return readDocTexts(this.db, ids, layers);
  }

  async recordFailures(failures: readonly (ReadFailure & { at?: string })[]): Promise<void> {
    if (failures.length === 0) return;
    const now = new Date().toISOString();
    this.lock.run(() => {
      for (const failure of failures) this.statements.insertFailure.run(failure.uri, failure.reason, failure.at ?? now);
    });
  }

  async listFailures(): Promise<StoredFailure[]> {
    return this.statements.failures.all() as StoredFailure[];
  }

  async learntBoilerplateByOutlet(minDocuments: number): Promise<Map<string, Set<string>>> {
    const byOutlet = new Map<string, Set<string>>();
    for (const row of this.statements.learntAll.all(minDocuments) as { outlet: string; line: string }[]) {
      const lines = byOutlet.get(row.outlet) ?? new Set<string>();
      lines.add(row.line);
      byOutlet.set(row.outlet, lines);
    }
    return byOutlet;
  }

  async listQuotes(query: QuoteQuery): Promise<QuotePage> {
    return this.corpus.listQuotes(query);
  }

  async listFramingExamples(query: FramingExampleQuery): Promise<FramingExamplePage> {
    return this.corpus.listFramingExamples(query);
  }

  async countFraming(filter: DocFilter, byMonth: boolean): Promise<FramingCounts> {
    return this.corpus.countFraming(filter, byMonth);
  }

  async listEntities(query: EntityQuery): Promise<EntitySummary[]> {
    return this.corpus.listEntities(query);
  }

  async newestDocRefs(ids: readonly string[], limit: number): Promise<DocRef[]> {
    return this.corpus.newestDocRefs(ids, limit);
  }

  async getEntity(
    name: string,
    options?: { skip?: readonly ('cooccurring' | 'surfaceForms')[] },
  ): Promise<EntityProfile | undefined> {
    return this.corpus.getEntity(name, options?.skip);
  }

  async timeline(query: TimelineQuery): Promise<TimelineEntry[]> {
    return this.corpus.timeline(query);
  }

  async wordsStartingWith(prefix: string, atMost: number): Promise<number> {
    return this.searcher.wordsStartingWith(prefix, atMost);
  }

  /** An estimated date stays out of the span index, which entity pages and charts read by date. */
  async setPublished(id: string, published: DatedValue | undefined): Promise<void> {
    const row = this.statements.byId.get(id) as DocumentRow | undefined;
    if (!row) throw new LedeError('NOT_FOUND', `no document ${id}`);
    const meta = { ...(JSON.parse(row.meta) as DocMeta), published };
    this.lock.run(() => {
      this.db
        .prepare('UPDATE documents SET published = ?, published_estimated = ?, meta = ? WHERE seq = ?')
        .run(published?.value ?? null, published?.estimated ? 1 : 0, JSON.stringify(meta), row.seq);
      this.db
        .prepare('UPDATE span_index SET published = ? WHERE doc_seq = ?')
        .run((published && statedDate(published)) ?? null, row.seq);
      this.links.refreshDay(row.seq);
      this.statements.bumpGeneration.run('documents');
    });
  }

  async putDocLinks(links: readonly DocLink[], options: { recountAll?: boolean } = {}): Promise<void> {
    this.lock.run(() => {
      this.links.replace(links, options.recountAll === true);
      this.statements.bumpGeneration.run('links');
    });
  }

  async getDocLink(id: string): Promise<DocLink | undefined> {
    return this.links.get(id);
  }

  async membersOf(field: 'duplicateGroup' | 'story', value: string): Promise<string[]> {
    return this.links.membersOf(field, value);
  }

  async storyMembers(story: string, query: StoryMemberQuery): Promise<StoryMemberPage> {
    return this.links.members(story, query);
  }

  async versionsAround(id: string): Promise<{ previous?: string; next?: string }> {
    return this.links.versionsAround(id);
  }

  async storyEntities(story: string, limit: number): Promise<StoryEntity[]> {
    return this.links.entities(story, limit);
  }

  async getCorpusState<T>(key: CorpusStateKey<T>): Promise<T | undefined> {
    const value = this.db.prepare('SELECT value FROM corpus_state WHERE name = ?').pluck().get(key.name) as
      | string
      | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async putCorpusState<T>(key: CorpusStateKey<T>, value: T): Promise<void> {
    this.lock.run(() => {
      this.db
        .prepare(
          `INSERT INTO corpus_state (name, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(key.name, JSON.stringify(value), new Date().toISOString());
      this.statements.bumpStateGeneration.run(key.name);
    });
  }

  async corpusStateVersion(key: CorpusStateKey<unknown>): Promise<string | undefined> {
    const generation = this.statements.corpusStateVersion.get(key.name) as number | undefined;
    return generation === undefined ? undefined : String(generation);
  }

  async addCuration(decision: unknown, at?: string): Promise<void> {
    return this.curation.addCuration(decision, at);
  }

  async listCuration(): Promise<{ id: number; decision: unknown; at: string }[]> {
    return this.curation.listCuration();
  }

  async stats(): Promise<StoreStats> {
    return readStoreStats(this.db);
  }

  async replaceDocument(doc: Doc): Promise<void> {
    const row = this.statements.byId.get(doc.id) as DocumentRow | undefined;
    if (!row) throw new LedeError('NOT_FOUND', `no document ${doc.id}`);
    const db = this.db;
    this.lock.run(() => {
      this.facts.forget(row.seq);
      // The index holds folded text: deleting a row's terms takes the values that were indexed.
      this.statements.deleteFts.run(row.seq, foldForSearch(row.headline ?? ''), foldForSearch(row.text), row.cjk);
      const cjk = unspacedBigramsOf(doc.meta.headline ?? null, doc.text);
      db.prepare(
        `UPDATE documents SET headline = ?, published = ?, published_estimated = ?, outlet = ?, language = ?, meta = ?,
           text = ?, raw = ?, origin = ?, messages = ?, word_count = ?, cjk = ? WHERE seq = ?`,
      ).run(
        doc.meta.headline ?? null,
        doc.meta.published?.value ?? null,
        doc.meta.published?.estimated ? 1 : 0,
        doc.meta.outlet ?? null,
        doc.meta.language ?? null,
        JSON.stringify(doc.meta),
        doc.text,
        doc.raw,
        JSON.stringify(doc.origin),
        JSON.stringify(doc.messages),
        countWords(doc.text),
        cjk,
        row.seq,
      );
      this.statements.insertFts.run(row.seq, foldForSearch(doc.meta.headline ?? ''), foldForSearch(doc.text), cjk);
      db.prepare('DELETE FROM document_sections WHERE doc_seq = ?').run(row.seq);
      for (const section of doc.meta.sections) this.statements.insertSection.run(row.seq, section);
      db.prepare('DELETE FROM layers WHERE doc_seq = ?').run(row.seq);
      db.prepare('DELETE FROM span_index WHERE doc_seq = ?').run(row.seq);
      db.prepare('DELETE FROM meta_versions WHERE doc_seq = ?').run(row.seq);
      this.links.refreshDay(row.seq);
      this.statements.bumpGeneration.run('documents');
      this.linkMark.set(true);
      this.writeLayers(
        row.seq,
        doc.layers,
        { text: doc.text, published: statedDate(doc.meta.published) },
        doc.versions,
      );
    });
  }

  async outputVersions(id: string): Promise<Map<StageOutput, string>> {
    const rows = this.db
      .prepare('SELECT l.layer, l.stage, l.version FROM layers l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = ?')
      .all(id) as { layer: LayerName; stage: string; version: number }[];
    const versions = new Map<StageOutput, string>(rows.map((row) => [row.layer, `${row.stage}@${row.version}`]));
    for (const [field, stamp] of this.metaVersions.read(id)) versions.set(field, stamp);
    return versions;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
