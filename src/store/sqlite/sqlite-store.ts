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
  StoreStats,
  StoryEntity,
  StoryMemberPage,
  StoryMemberQuery,
  TimelineEntry,
  TimelineQuery,
} from '../store.js';
import { CorpusQueries, indexSpans } from './corpus-queries.js';
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

  putDocuments(batch: readonly { doc: Doc; original?: Uint8Array }[]): PutOutcome[] {
    const s = this.statements;
    return this.lock.run(() => {
      const outcomes = batch.map(({ doc, original }): PutOutcome => {
        if (s.hasId.get(doc.id)) return { id: doc.id, status: 'duplicate', existing: doc.id };
        if (doc.externalId !== undefined) {
          const existing = s.idOfExternal.get(doc.externalId) as string | undefined;
          if (existing) return { id: doc.id, status: 'duplicate', existing };
        }
        const now = new Date().toISOString();
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
          ingested_at: now,
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

  pendingLink(): PendingLink | undefined {
    return this.linkMark.read();
  }

  clearPendingLink(): void {
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

  putLayers(id: string, layers: Partial<Record<LayerName, Span[]>>): void {
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

  hasDocument(id: string): boolean {
    return Boolean(this.statements.hasId.get(id));
  }

  getDocument(ref: string): StoredDoc | undefined {
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

  getOriginal(id: string): Uint8Array | undefined {
    const bytes = this.statements.original.get(id) as Buffer | undefined;
    return bytes ? new Uint8Array(bytes) : undefined;
  }

  private hydrate(row: DocumentRow): StoredDoc {
    return toStoredDoc(row, this.statements.layersOf.all(row.seq) as { layer: LayerName; spans: string }[]);
  }

  listDocuments(filter: DocFilter & { limit?: number; offset?: number }): DocSummary[] {
    const { where, params } = whereClause(filter);
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM documents d ${where} ORDER BY ${dateOrder(filter)} DESC, d.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 50, filter.offset ?? 0) as SummaryRow[];
    return rows.map(toSummary);
  }

  search(query: SearchQuery): SearchPage {
    return this.searcher.search(query);
  }

  *iterateDocuments(filter: DocFilter = {}): IterableIterator<StoredDoc> {
    const { where, params } = whereClause(filter);
    // A separate read connection would be needed to write while iterating; exports only read.
    for (const row of this.db.prepare(`SELECT d.* FROM documents d ${where} ORDER BY d.seq`).iterate(...params)) {
      yield this.hydrate(row as DocumentRow);
    }
  }

  iterateDocHeads(filter: DocFilter = {}): IterableIterator<DocHead> {
    return this.facts.heads(filter);
  }

  readDocFacts<T>(key: DocFactsKey<T>, ids?: readonly string[]): Map<string, T> {
    return this.facts.read(key, ids);
  }

  putDocFacts<T>(key: DocFactsKey<T>, rows: readonly { id: string; facts: T }[]): void {
    if (rows.length > 0) this.lock.run(() => this.facts.put(key, rows));
  }

  clearDocFacts(): void {
    this.lock.run(() => this.facts.clear());
  }

  countDocuments(filter: DocFilter = {}): number {
    const { where, params } = whereClause(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM documents d ${where}`).get(...params) as { n: number }).n;
  }

  *iterateLayer(
    layer: LayerName,
    options: { withText?: boolean } = {},
  ): IterableIterator<{ id: string; text: string; spans: Span[] }> {
    // Lighter than iterateDocuments: no raw text, offset map or other layers are parsed.
    const text = options.withText === false ? "''" : 'd.text';
    const rows = this.db
      .prepare(
        `SELECT d.id, ${text} AS text, l.spans FROM layers l JOIN documents d ON d.seq = l.doc_seq WHERE l.layer = ? ORDER BY d.seq`,
      )
      .iterate(layer) as IterableIterator<{ id: string; text: string; spans: string }>;
    for (const row of rows) yield { id: row.id, text: row.text, spans: JSON.parse(row.spans) as Span[] };
  }

  textsOf(ids: readonly string[], layers: readonly LayerName[] = []): DocText[] {
    return readDocTexts(this.db, ids, layers);
  }

  recordFailures(failures: readonly ReadFailure[]): void {
    if (failures.length === 0) return;
    const now = new Date().toISOString();
    this.lock.run(() => {
      for (const failure of failures) this.statements.insertFailure.run(failure.uri, failure.reason, now);
    });
  }

  learntBoilerplateByOutlet(minDocuments: number): Map<string, Set<string>> {
    const byOutlet = new Map<string, Set<string>>();
    for (const row of this.statements.learntAll.all(minDocuments) as { outlet: string; line: string }[]) {
      const lines = byOutlet.get(row.outlet) ?? new Set<string>();
      lines.add(row.line);
      byOutlet.set(row.outlet, lines);
    }
    return byOutlet;
  }

  listQuotes(query: QuoteQuery): QuotePage {
    return this.corpus.listQuotes(query);
  }

  listFramingExamples(query: FramingExampleQuery): FramingExamplePage {
    return this.corpus.listFramingExamples(query);
  }

  countFraming(filter: DocFilter, byMonth: boolean): FramingCounts {
    return this.corpus.countFraming(filter, byMonth);
  }

  listEntities(query: EntityQuery): EntitySummary[] {
    return this.corpus.listEntities(query);
  }

  newestDocRefs(ids: readonly string[], limit: number): DocRef[] {
    return this.corpus.newestDocRefs(ids, limit);
  }

  getEntity(name: string, options?: { skip?: readonly ('cooccurring' | 'surfaceForms')[] }): EntityProfile | undefined {
    return this.corpus.getEntity(name, options?.skip);
  }

  timeline(query: TimelineQuery): TimelineEntry[] {
    return this.corpus.timeline(query);
  }

  wordsStartingWith(prefix: string, atMost: number): number {
    return this.searcher.wordsStartingWith(prefix, atMost);
  }

  /** An estimated date stays out of the span index, which entity pages and charts read by date. */
  setPublished(id: string, published: DatedValue | undefined): void {
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

  putDocLinks(links: readonly DocLink[], options: { recountAll?: boolean } = {}): void {
    this.lock.run(() => {
      this.links.replace(links, options.recountAll === true);
      this.statements.bumpGeneration.run('links');
    });
  }

  getDocLink(id: string): DocLink | undefined {
    return this.links.get(id);
  }

  membersOf(field: 'duplicateGroup' | 'story', value: string): string[] {
    return this.links.membersOf(field, value);
  }

  storyMembers(story: string, query: StoryMemberQuery): StoryMemberPage {
    return this.links.members(story, query);
  }

  versionsAround(id: string): { previous?: string; next?: string } {
    return this.links.versionsAround(id);
  }

  storyEntities(story: string, limit: number): StoryEntity[] {
    return this.links.entities(story, limit);
  }

  getCorpusState<T>(key: CorpusStateKey<T>): T | undefined {
    const value = this.db.prepare('SELECT value FROM corpus_state WHERE name = ?').pluck().get(key.name) as
      | string
      | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  putCorpusState<T>(key: CorpusStateKey<T>, value: T): void {
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

  corpusStateVersion(key: CorpusStateKey<unknown>): string | undefined {
    const generation = this.statements.corpusStateVersion.get(key.name) as number | undefined;
    return generation === undefined ? undefined : String(generation);
  }

  addCuration(decision: unknown): void {
    this.lock.run(() =>
      this.db
        .prepare('INSERT INTO curation (decision, at) VALUES (?, ?)')
        .run(JSON.stringify(decision), new Date().toISOString()),
    );
  }

  listCuration(): { id: number; decision: unknown; at: string }[] {
    return (
      this.db.prepare('SELECT id, decision, at FROM curation ORDER BY id').all() as {
        id: number;
        decision: string;
        at: string;
      }[]
    ).map((row) => ({ id: row.id, decision: JSON.parse(row.decision), at: row.at }));
  }

  stats(): StoreStats {
    return readStoreStats(this.db);
  }

  replaceDocument(doc: Doc): void {
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

  outputVersions(id: string): Map<StageOutput, string> {
    const rows = this.db
      .prepare('SELECT l.layer, l.stage, l.version FROM layers l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = ?')
      .all(id) as { layer: LayerName; stage: string; version: number }[];
    const versions = new Map<StageOutput, string>(rows.map((row) => [row.layer, `${row.stage}@${row.version}`]));
    for (const [field, stamp] of this.metaVersions.read(id)) versions.set(field, stamp);
    return versions;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
