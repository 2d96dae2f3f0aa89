import Cursor from 'pg-cursor';
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
import { PgCorpusQueries } from './pg-corpus-queries.js';
import { PgCurationLog } from './pg-curation-log.js';
import { Params, type PgDatabase } from './pg-database.js';
import { PgDocLinks } from './pg-doc-links.js';
import { PgDocumentWrites, statedDate } from './pg-document-writes.js';
import { jsonForPg, whereClause, withoutNul } from './pg-filter.js';
import { PgKeptIndexes } from './pg-kept-indexes.js';
import {
  DOCUMENT_COLUMNS,
  type PgDocumentRow,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toStoredDoc,
  toSummary,
} from './pg-rows.js';
import { PgSearch } from './pg-search.js';

/** Rows a streaming read fetches at a time through its server-side cursor. */
const CURSOR_ROWS = 200;

/**
 * The Store on PostgreSQL, for a corpus shared by several people and machines. Same behaviour as
 * the SQLite store, which the shared conformance suite checks (store-conformance.ts); what differs
 * is how: full-text search with a tsvector under a GIN index, facets counted in SQL, streaming reads
 * through server-side cursors, and writes under one advisory lock (pg-database.ts).
 */
export class PostgresStore implements Store {
  private readonly corpus: PgCorpusQueries;
  private readonly searcher: PgSearch;
  private readonly links: PgDocLinks;
  private readonly writes: PgDocumentWrites;
  private readonly curation: PgCurationLog;
  readonly keptIndexes: PgKeptIndexes;

  constructor(private readonly db: PgDatabase) {
    this.corpus = new PgCorpusQueries(db);
    this.searcher = new PgSearch(db);
    this.links = new PgDocLinks(db);
    this.writes = new PgDocumentWrites(db);
    this.curation = new PgCurationLog(db);
    this.keptIndexes = new PgKeptIndexes(db);
  }

  get location(): string {
    return this.db.location;
  }

  writeExclusively<T>(work: () => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async putDocuments(batch: readonly DocToStore[]): Promise<PutOutcome[]> {
    return this.db.write(async () => {
      const outcomes: PutOutcome[] = [];
      for (const item of batch) outcomes.push(await this.writes.put(item));
      if (outcomes.some((outcome) => outcome.status === 'inserted')) await this.writes.setPendingLink(false);
      return outcomes;
    });
  }

  async pendingLink(): Promise<PendingLink | undefined> {
    const row = await this.db.one<{ rebuild: boolean; since: string }>('SELECT rebuild, since FROM pending_link');
    return row && { rebuild: row.rebuild, since: row.since };
  }

  async clearPendingLink(): Promise<void> {
    await this.db.write(() => this.db.query('DELETE FROM pending_link'));
  }

  private async rowOf(id: string): Promise<PgDocumentRow> {
    const row = await this.db.one<PgDocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1`, [id]);
    if (!row) throw new LedeError('NOT_FOUND', `no document ${id}`);
    return row;
  }

  async putLayers(id: string, layers: Partial<Record<LayerName, Span[]>>): Promise<void> {
    const row = await this.rowOf(id);
    await this.db.write(async () => {
      await this.writes.writeLayers(row.seq, layers, {
        text: row.text,
        published: row.published_estimated ? undefined : (row.published ?? undefined),
      });
      await this.db.query('DELETE FROM doc_facts WHERE doc_seq = $1', [row.seq]);
      await this.writes.bumpGeneration('documents');
      await this.writes.setPendingLink(true);
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.db.value<number>('SELECT 1 FROM documents WHERE id = $1', [id])) !== undefined;
  }

  async getDocument(ref: string): Promise<StoredDoc | undefined> {
    let row = await this.db.one<PgDocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1 OR d.external_id = $1 ORDER BY d.id = $1 DESC LIMIT 1`,
      [ref],
    );
    if (!row && /^[0-9a-f]{6,}$/.test(ref)) {
      const rows = await this.db.query<PgDocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id >= $1 AND d.id < $1 || 'g' ORDER BY d.id LIMIT 2`,
        [ref],
      );
      if (rows.length > 1)
        throw new LedeError('USAGE', `the id prefix ${ref} matches several documents; give more of it`);
      row = rows[0];
    }
    return row ? this.hydrate(row) : undefined;
  }

  async getOriginal(id: string): Promise<Uint8Array | undefined> {
    const bytes = await this.db.value<Buffer>(
      'SELECT o.bytes FROM originals o JOIN documents d ON d.seq = o.doc_seq WHERE d.id = $1',
      [id],
    );
    return bytes ? new Uint8Array(bytes) : undefined;
  }

  private async hydrate(row: PgDocumentRow): Promise<StoredDoc> {
    const layers = await this.db.query<{ layer: LayerName; spans: string }>(
      'SELECT layer, spans FROM layers WHERE doc_seq = $1',
      [row.seq],
    );
    return toStoredDoc(row, layers);
  }

  async listDocuments(filter: DocFilter & { limit?: number; offset?: number }): Promise<DocSummary[]> {
    const params = new Params();
    const where = whereClause(filter, params);
    const date = filter.includeEstimated
      ? 'd.published'
      : 'CASE WHEN d.published_estimated THEN NULL ELSE d.published END';
    const rows = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${where} ORDER BY ${date} DESC NULLS LAST, d.seq DESC
       LIMIT ${params.add(filter.limit ?? 50)} OFFSET ${params.add(filter.offset ?? 0)}`,
      params.values,
    );
    return rows.map(toSummary);
  }

  search(query: SearchQuery): Promise<SearchPage> {
    return this.searcher.search(query);
  }

  /**
   * Rows through a server-side cursor on a connection of its own, so memory stays flat however
   * large the store. Inside a write transaction the rows are read at once on the transaction's
   * connection instead: it must see the transaction's writes, and a cursor open on it would hold
   * back every other query of the transaction.
   */
  private async *stream<R extends object>(sql: string, params: readonly unknown[]): AsyncGenerator<R> {
    if (this.db.inTransaction) {
      yield* await this.db.query<R>(sql, params);
      return;
    }
    const client = await this.db.connection();
    const cursor = client.query(new Cursor<R>(sql, params as unknown[]));
    try {
      for (let batch = await cursor.read(CURSOR_ROWS); batch.length > 0; batch = await cursor.read(CURSOR_ROWS))
        yield* batch;
    } finally {
      await cursor.close().catch(() => {});
      client.release();
    }
  }

  async *iterateDocuments(filter: DocFilter = {}): AsyncIterableIterator<StoredDoc> {
    const params = new Params();
    const where = whereClause(filter, params);
    for await (const row of this.stream<PgDocumentRow & { layers: { layer: LayerName; spans: string }[] | null }>(
      `SELECT ${DOCUMENT_COLUMNS},
         (SELECT json_agg(json_build_object('layer', l.layer, 'spans', l.spans)) FROM layers l WHERE l.doc_seq = d.seq) AS layers
       FROM documents d ${where} ORDER BY d.seq`,
      params.values,
    )) {
      yield toStoredDoc(row, row.layers ?? []);
    }
  }

  async *iterateDocHeads(filter: DocFilter = {}): AsyncIterableIterator<DocHead> {
    const params = new Params();
    const where = whereClause(filter, params);
    for await (const row of this.stream<{
      id: string;
      external_id: string | null;
      uri: string;
      headline: string | null;
      outlet: string | null;
      published: DocMeta['published'] | null;
    }>(
      `SELECT d.id, d.external_id, d.uri, d.headline, d.outlet, d.meta->'published' AS published
       FROM documents d ${where} ORDER BY d.seq`,
      params.values,
    )) {
      yield {
        id: row.id,
        ...(row.external_id !== null ? { externalId: row.external_id } : {}),
        uri: row.uri,
        ...(row.headline !== null ? { headline: row.headline } : {}),
        ...(row.outlet !== null ? { outlet: row.outlet } : {}),
        ...(row.published ? { published: row.published } : {}),
      };
    }
  }

  async *iterateLayer(
    layer: LayerName,
    options: { withText?: boolean } = {},
  ): AsyncIterableIterator<{ id: string; text: string; spans: Span[] }> {
    const text = options.withText === false ? "''" : 'd.text';
    for await (const row of this.stream<{ id: string; text: string; spans: string }>(
      `SELECT d.id, ${text} AS text, l.spans FROM layers l JOIN documents d ON d.seq = l.doc_seq
       WHERE l.layer = $1 ORDER BY d.seq`,
      [layer],
    )) {
      yield { id: row.id, text: row.text, spans: JSON.parse(row.spans) as Span[] };
    }
  }

  async readDocFacts<T>(key: DocFactsKey<T>, ids?: readonly string[]): Promise<Map<string, T>> {
    const rows = ids
      ? await this.db.query<{ id: string; facts: string }>(
          `SELECT d.id, f.facts FROM doc_facts f JOIN documents d ON d.seq = f.doc_seq
           WHERE d.id = ANY($1) AND f.kind = $2 AND f.version = $3 ORDER BY f.doc_seq`,
          [ids, key.name, key.version],
        )
      : await this.db.query<{ id: string; facts: string }>(
          `SELECT d.id, f.facts FROM doc_facts f JOIN documents d ON d.seq = f.doc_seq
           WHERE f.kind = $1 AND f.version = $2 ORDER BY f.doc_seq`,
          [key.name, key.version],
        );
    return new Map(rows.map((row) => [row.id, JSON.parse(row.facts) as T]));
  }

  async putDocFacts<T>(key: DocFactsKey<T>, rows: readonly { id: string; facts: T }[]): Promise<void> {
    if (rows.length === 0) return;
    const last = [...new Map(rows.map((row) => [row.id, row])).values()];
    await this.db.write(() =>
      this.db.query(
        `INSERT INTO doc_facts (kind, doc_seq, version, facts)
         SELECT $1, d.seq, $2, f.facts FROM unnest($3::text[], $4::text[]) AS f(id, facts) JOIN documents d ON d.id = f.id
         ON CONFLICT (kind, doc_seq) DO UPDATE SET version = excluded.version, facts = excluded.facts`,
        [key.name, key.version, last.map((row) => row.id), last.map((row) => JSON.stringify(row.facts))],
      ),
    );
  }

  async clearDocFacts(): Promise<void> {
    await this.db.write(() => this.db.query('DELETE FROM doc_facts'));
  }

  async countDocuments(filter: DocFilter = {}): Promise<number> {
    const params = new Params();
    const where = whereClause(filter, params);
    return (await this.db.value<number>(`SELECT count(*)::int FROM documents d ${where}`, params.values)) ?? 0;
  }

  async textsOf(ids: readonly string[], layers: readonly LayerName[] = []): Promise<DocText[]> {
    if (ids.length === 0) return [];
    const docs = await this.db.query<{ seq: number; id: string; headline: string | null; text: string }>(
      `SELECT d.seq, d.id, d.headline, d.text FROM unnest($1::text[]) WITH ORDINALITY w(id, ord)
       JOIN documents d ON d.id = w.id ORDER BY w.ord`,
      [ids],
    );
    const layerRows =
      layers.length === 0 || docs.length === 0
        ? []
        : await this.db.query<{ doc_seq: number; layer: LayerName; spans: string }>(
            'SELECT doc_seq, layer, spans FROM layers WHERE doc_seq = ANY($1) AND layer = ANY($2)',
            [docs.map((doc) => doc.seq), layers],
          );
    return docs.map((doc) => ({
      id: doc.id,
      headline: doc.headline ?? undefined,
      text: doc.text,
      layers: Object.fromEntries(
        layerRows.filter((row) => row.doc_seq === doc.seq).map((row) => [row.layer, JSON.parse(row.spans) as Span[]]),
      ),
    }));
  }

  async recordFailures(failures: readonly (ReadFailure & { at?: string })[]): Promise<void> {
    if (failures.length === 0) return;
    const now = new Date().toISOString();
    // WITH ORDINALITY: the rows go in as given, so listFailures (by id) returns them in that order.
    await this.db.write(() =>
      this.db.query(
        `INSERT INTO failures (uri, reason, at)
         SELECT u, r, a FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS f(u, r, a, n) ORDER BY n`,
        [
          failures.map((failure) => withoutNul(failure.uri)),
          failures.map((failure) => withoutNul(failure.reason)),
          failures.map((failure) => failure.at ?? now),
        ],
      ),
    );
  }

  async listFailures(): Promise<StoredFailure[]> {
    return this.db.query<StoredFailure>('SELECT uri, reason, at FROM failures ORDER BY id');
  }

  async learntBoilerplateByOutlet(minDocuments: number): Promise<Map<string, Set<string>>> {
    const byOutlet = new Map<string, Set<string>>();
    const rows = await this.db.query<{ outlet: string; line: string }>(
      'SELECT outlet, line FROM outlet_lines WHERE documents >= $1',
      [minDocuments],
    );
    for (const row of rows) {
      const lines = byOutlet.get(row.outlet) ?? new Set<string>();
      lines.add(row.line);
      byOutlet.set(row.outlet, lines);
    }
    return byOutlet;
  }

  listQuotes(query: QuoteQuery): Promise<QuotePage> {
    return this.corpus.listQuotes(query);
  }

  listFramingExamples(query: FramingExampleQuery): Promise<FramingExamplePage> {
    return this.corpus.listFramingExamples(query);
  }

  countFraming(filter: DocFilter, byMonth: boolean): Promise<FramingCounts> {
    return this.corpus.countFraming(filter, byMonth);
  }

  listEntities(query: EntityQuery): Promise<EntitySummary[]> {
    return this.corpus.listEntities(query);
  }

  newestDocRefs(ids: readonly string[], limit: number): Promise<DocRef[]> {
    return this.corpus.newestDocRefs(ids, limit);
  }

  getEntity(
    name: string,
    options?: { skip?: readonly ('cooccurring' | 'surfaceForms')[] },
  ): Promise<EntityProfile | undefined> {
    return this.corpus.getEntity(name, options?.skip);
  }

  timeline(query: TimelineQuery): Promise<TimelineEntry[]> {
    return this.corpus.timeline(query);
  }

  wordsStartingWith(prefix: string, atMost: number): Promise<number> {
    return this.searcher.wordsStartingWith(prefix, atMost);
  }

  /** An estimated date stays out of the span index, which entity pages and charts read by date. */
  async setPublished(id: string, published: DatedValue | undefined): Promise<void> {
    const row = await this.rowOf(id);
    const meta = { ...row.meta, published };
    await this.db.write(async () => {
      await this.db.query(
        'UPDATE documents SET published = $1, published_estimated = $2, meta = $3::jsonb WHERE seq = $4',
        [published?.value ?? null, published?.estimated === true, jsonForPg(meta), row.seq],
      );
      await this.db.query('UPDATE span_index SET published = $1 WHERE doc_seq = $2', [
        (published && statedDate(published)) ?? null,
        row.seq,
      ]);
      await this.writes.refreshDay(row.seq);
      await this.writes.bumpGeneration('documents');
    });
  }

  async putDocLinks(links: readonly DocLink[], options: { recountAll?: boolean } = {}): Promise<void> {
    await this.db.write(async () => {
      await this.links.replace(links, options.recountAll === true);
      await this.writes.bumpGeneration('links');
    });
  }

  getDocLink(id: string): Promise<DocLink | undefined> {
    return this.links.get(id);
  }

  membersOf(field: 'duplicateGroup' | 'story', value: string): Promise<string[]> {
    return this.links.membersOf(field, value);
  }

  storyMembers(story: string, query: StoryMemberQuery): Promise<StoryMemberPage> {
    return this.links.members(story, query);
  }

  versionsAround(id: string): Promise<{ previous?: string; next?: string }> {
    return this.links.versionsAround(id);
  }

  storyEntities(story: string, limit: number): Promise<StoryEntity[]> {
    return this.links.entities(story, limit);
  }

  async getCorpusState<T>(key: CorpusStateKey<T>): Promise<T | undefined> {
    const value = await this.db.value<string>('SELECT value FROM corpus_state WHERE name = $1', [key.name]);
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async putCorpusState<T>(key: CorpusStateKey<T>, value: T): Promise<void> {
    await this.db.write(async () => {
      await this.db.query(
        `INSERT INTO corpus_state (name, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key.name, JSON.stringify(value), new Date().toISOString()],
      );
      await this.writes.bumpGeneration(`corpus_state:${key.name}`);
    });
  }

  async corpusStateVersion(key: CorpusStateKey<unknown>): Promise<string | undefined> {
    const generation = await this.db.value<number>(
      `SELECT g.value FROM corpus_state s JOIN generations g ON g.name = 'corpus_state:' || s.name WHERE s.name = $1`,
      [key.name],
    );
    return generation === undefined ? undefined : String(generation);
  }

  async addCuration(decision: unknown, at?: string): Promise<void> {
    return this.curation.addCuration(decision, at);
  }

  async listCuration(): Promise<{ id: number; decision: unknown; at: string }[]> {
    return this.curation.listCuration();
  }

  async stats(): Promise<StoreStats> {
    const totals = await this.db.one<{
      documents: number;
      words: number | null;
      earliest: string | null;
      latest: string | null;
    }>(
      `SELECT count(*)::int AS documents, sum(word_count)::bigint AS words,
         min(CASE WHEN NOT published_estimated THEN published END) AS earliest,
         max(CASE WHEN NOT published_estimated THEN published END) AS latest FROM documents`,
    );
    return {
      documents: totals?.documents ?? 0,
      words: totals?.words ?? 0,
      earliest: totals?.earliest ?? undefined,
      latest: totals?.latest ?? undefined,
      outlets: await this.db.query<{ value: string; count: number }>(
        "SELECT coalesce(outlet, '(unknown)') AS value, count(*)::int AS count FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
      ),
      mediaTypes: await this.db.query<{ value: string; count: number }>(
        'SELECT media_type AS value, count(*)::int AS count FROM documents GROUP BY 1 ORDER BY 2 DESC, 1',
      ),
      failures: (await this.db.value<number>('SELECT count(*)::int FROM failures')) ?? 0,
      layers: await this.db.query<{ layer: string; spans: number }>(
        'SELECT layer, sum(span_count)::int AS spans FROM layers GROUP BY layer ORDER BY layer',
      ),
    };
  }

  async replaceDocument(doc: Doc): Promise<void> {
    await this.writes.replace((await this.rowOf(doc.id)).seq, doc);
  }

  async outputVersions(id: string): Promise<Map<StageOutput, string>> {
    const rows = await this.db.query<{ layer: LayerName; stage: string; version: number }>(
      'SELECT l.layer, l.stage, l.version FROM layers l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = $1',
      [id],
    );
    const versions = new Map<StageOutput, string>(rows.map((row) => [row.layer, `${row.stage}@${row.version}`]));
    const fields = await this.db.query<{ field: StageOutput; stage: string; version: number }>(
      'SELECT m.field, m.stage, m.version FROM meta_versions m JOIN documents d ON d.seq = m.doc_seq WHERE d.id = $1',
      [id],
    );
    for (const field of fields) versions.set(field.field, `${field.stage}@${field.version}`);
    return versions;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
