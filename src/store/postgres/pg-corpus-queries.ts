import type { Span } from '../../model/index.js';
import {
  COOCCURRENCE_WINDOW,
  cleanRef,
  keysOf,
  mergeCounts,
  RECENT_DOCUMENTS,
  type RefRow,
  type SpanRow,
  SURFACE_FORM_WINDOW,
  spanIndexRows,
  toRecord,
} from '../corpus-rules.js';
import type {
  DateSort,
  DocFilter,
  DocRef,
  EntityProfile,
  EntityQuery,
  EntitySort,
  EntitySummary,
  FramingCounts,
  FramingExamplePage,
  FramingExampleQuery,
  QuotePage,
  QuoteQuery,
  TimelineEntry,
  TimelineQuery,
} from '../store.js';
import { Params, type PgDatabase } from './pg-database.js';
import { dateOrder, docFilterConditions, STATED_PUBLISHED } from './pg-filter.js';

const SPAN_COLUMNS = `d.id, d.headline, d.outlet, ${STATED_PUBLISHED}, i.layer, i.span_id, i.span_start AS start,
  i.span_end AS "end", i.label, i.key, i.text`;

/** ORDER BY for each entity list sort; fixed strings, never built from the request. */
const ENTITY_ORDER: Record<EntitySort, string> = {
  mentions: 'mentions DESC, key',
  documents: 'documents DESC, mentions DESC, key',
  name: 'lower(key), key',
};

/** Keeps `span_index` in step with a document's layer: called inside the store's write transaction. */
export async function indexSpans(
  db: PgDatabase,
  seq: number,
  layer: string,
  spans: readonly Span[],
  doc: { text: string; published?: string },
): Promise<void> {
  const rows = spanIndexRows(layer, spans, doc.text);
  if (!rows) return;
  await db.query('DELETE FROM span_index WHERE doc_seq = $1 AND layer = $2', [seq, layer]);
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO span_index (doc_seq, layer, span_id, span_start, span_end, label, key, text, published)
     SELECT $1, $2, r.span_id, r.span_start, r.span_end, r.label, r.key, r.text, $3
     FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
       AS r(span_id, span_start, span_end, label, key, text)`,
    [
      seq,
      layer,
      doc.published ?? null,
      rows.map((row) => row.span.id),
      rows.map((row) => row.span.start),
      rows.map((row) => row.span.end),
      rows.map((row) => row.span.label),
      rows.map((row) => row.key),
      rows.map((row) => row.text),
    ],
  );
}

/** Corpus-level reads over `span_index`: quotes, entities, loaded language and the timeline. */
export class PgCorpusQueries {
  private entityListCache = new Map<string, EntitySummary[]>();
  private cacheMark = '';

  constructor(private readonly db: PgDatabase) {}

  /** Any write that changes indexed spans bumps a generation or adds a document, and empties the cache. */
  private async cached(key: string, compute: () => Promise<EntitySummary[]>): Promise<EntitySummary[]> {
    const mark = await this.db.value<string>(
      `SELECT (SELECT coalesce(sum(value), 0) FROM generations) || ':' || (SELECT coalesce(max(seq), 0) FROM documents)`,
    );
    if (mark !== this.cacheMark) {
      this.entityListCache = new Map();
      this.cacheMark = mark ?? '';
    }
    let value = this.entityListCache.get(key);
    if (!value) {
      value = await compute();
      if (this.entityListCache.size > 200) this.entityListCache.clear();
      this.entityListCache.set(key, value);
    }
    return value;
  }

  async listQuotes(query: QuoteQuery): Promise<QuotePage> {
    const params = new Params();
    const where = ["i.layer = 'quotes'", ...docFilterConditions(query, params)];
    if (query.speaker) {
      const keys = keysOf(query.speaker, query.names);
      if (query.names?.has(query.speaker) || keys.length > 1) where.push(`i.key = ANY(${params.add(keys)})`);
      // A description (`analysts`, `Analysts` opening a sentence) is no identity: any case of it.
      else where.push(`lower(i.key) = lower(${params.add(query.speaker)})`);
    }
    if (query.entity) {
      where.push(`EXISTS (SELECT 1 FROM span_index e WHERE e.doc_seq = i.doc_seq AND e.layer = 'entities'
        AND e.key = ANY(${params.add(keysOf(query.entity, query.names))})
        AND e.span_start >= i.span_start AND e.span_end <= i.span_end)`);
    }
    const from = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const base = params.values;
    const rows = await this.db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS} ${from} ORDER BY ${spanOrder(query)} LIMIT $${base.length + 1} OFFSET $${base.length + 2}`,
      [...base, query.limit ?? 50, query.offset ?? 0],
    );
    const total = (await this.db.value<number>(`SELECT count(*)::int ${from}`, base)) ?? 0;
    const perDocument = await this.db.query<{ value: string; count: number }>(
      `SELECT i.key AS value, count(*)::int AS count ${from} AND i.key IS NOT NULL GROUP BY 1 ORDER BY 2 DESC${query.names ? '' : ' LIMIT 30'}`,
      base,
    );
    const rename = (key: string | undefined) => (key === undefined ? key : (query.names?.get(key) ?? key));
    return {
      total,
      quotes: rows.map((row) => {
        const record = toRecord(row);
        return { ...record, key: rename(record.key) };
      }),
      speakers: mergeCounts(perDocument, query.names).slice(0, 30),
    };
  }

  async listFramingExamples(query: FramingExampleQuery): Promise<FramingExamplePage> {
    const params = new Params();
    const where = ["i.layer = 'loaded'", ...docFilterConditions(query, params)];
    const from = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const techniques = await this.db.query<{ value: string; count: number }>(
      `SELECT i.key AS value, count(*)::int AS count ${from} GROUP BY 1 ORDER BY 2 DESC, 1`,
      params.values,
    );
    if (query.technique) where.push(`i.key = ${params.add(query.technique)}`);
    const chosen = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const base = params.values;
    const rows = await this.db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS} ${chosen} ORDER BY ${spanOrder(query)} LIMIT $${base.length + 1} OFFSET $${base.length + 2}`,
      [...base, query.limit ?? 20, query.offset ?? 0],
    );
    const total = query.technique
      ? (techniques.find((row) => row.value === query.technique)?.count ?? 0)
      : techniques.reduce((sum, row) => sum + row.count, 0);
    return { total, examples: rows.map(toRecord), techniques };
  }

  async countFraming(filter: DocFilter, byMonth: boolean): Promise<FramingCounts> {
    const params = new Params();
    const conditions = docFilterConditions(filter, params);
    const where = conditions.length ? `AND ${conditions.join(' AND ')}` : '';
    const period = byMonth
      ? "coalesce(substr(CASE WHEN d.published_estimated THEN NULL ELSE d.published END, 1, 7), 'undated')"
      : "'all'";
    const outlet = "coalesce(d.outlet, '(unknown)')";
    const documents =
      (await this.db.value<number>(`SELECT count(*)::int FROM documents d WHERE true ${where}`, params.values)) ?? 0;
    const rows = await this.db.query<{ outlet: string; period: string; articles: number; words: number }>(
      `SELECT ${outlet} AS outlet, ${period} AS period, count(*)::int AS articles, sum(d.word_count)::int AS words
       FROM documents d JOIN layers l ON l.doc_seq = d.seq AND l.layer = 'loaded' WHERE true ${where} GROUP BY 1, 2`,
      params.values,
    );
    const groups = new Map(
      rows.map((row) => [`${row.outlet}\u0000${row.period}`, { ...row, counts: {} as Record<string, number> }]),
    );
    const spans = await this.db.query<{ outlet: string; period: string; technique: string; count: number }>(
      `SELECT ${outlet} AS outlet, ${period} AS period, i.key AS technique, count(*)::int AS count
       FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE i.layer = 'loaded' ${where} GROUP BY 1, 2, 3`,
      params.values,
    );
    for (const row of spans) {
      const group = groups.get(`${row.outlet}\u0000${row.period}`);
      if (group) group.counts[row.technique] = row.count;
    }
    const articles = rows.reduce((sum, row) => sum + row.articles, 0);
    return { documents, withoutLayer: documents - articles, groups: [...groups.values()] };
  }

  /** Counting every mention is a full pass over the entity index, so results are cached until the next write. */
  listEntities(query: EntityQuery): Promise<EntitySummary[]> {
    return this.cached(JSON.stringify(query), () => this.countEntities(query));
  }

  private async countEntities(query: EntityQuery): Promise<EntitySummary[]> {
    const params = new Params();
    const where = ["layer = 'entities'", 'key IS NOT NULL'];
    // SQLite's LIKE ignores case: so does this list in either store.
    if (query.text) where.push(`key ILIKE ${params.add(`${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (query.type) where.push(`label = ${params.add(query.type)}`);
    const limit = params.add(query.limit ?? 50);
    const offset = params.add(query.offset ?? 0);
    const rows = await this.db.query<Omit<EntitySummary, 'type'>>(
      `SELECT key AS name, count(*)::int AS mentions, count(DISTINCT doc_seq)::int AS documents FROM span_index
       WHERE ${where.join(' AND ')} GROUP BY key ORDER BY ${ENTITY_ORDER[query.sort ?? 'mentions']} LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    if (rows.length === 0) return [];
    const labels = await this.db.query<{ key: string; label: string }>(
      `SELECT DISTINCT ON (key) key, label FROM (
         SELECT key, label, count(*) AS n FROM span_index WHERE layer = 'entities' AND key = ANY($1) GROUP BY key, label
       ) t ORDER BY key, n DESC, label`,
      [rows.map((row) => row.name)],
    );
    const typeOf = new Map(labels.map((row) => [row.key, row.label]));
    return rows.map((row) => ({ ...row, type: typeOf.get(row.name) ?? 'MISC' }));
  }

  async getEntity(
    name: string,
    skip: readonly ('cooccurring' | 'surfaceForms')[] = [],
  ): Promise<EntityProfile | undefined> {
    // One pass over the entity's index range gives its types, totals and months: (month, label) groups.
    const groups = await this.db.query<{ month: string | null; label: string; count: number; docs: number }>(
      `SELECT substr(published, 1, 7) AS month, label, count(*)::int AS count, count(DISTINCT doc_seq)::int AS docs
       FROM span_index WHERE layer = 'entities' AND key = $1 GROUP BY 1, 2`,
      [name],
    );
    if (groups.length === 0) return undefined;
    const types = new Map<string, number>();
    const months = new Map<string, number>();
    let mentions = 0;
    let documents = 0;
    for (const { month, label, count, docs } of groups) {
      types.set(label, (types.get(label) ?? 0) + count);
      if (month !== null) months.set(month, (months.get(month) ?? 0) + count);
      mentions += count;
      documents += docs;
    }
    // A document naming the entity with two labels is in two groups of its month: count it once.
    if (types.size > 1) {
      documents =
        (await this.db.value<number>(
          "SELECT count(DISTINCT doc_seq)::int FROM span_index WHERE layer = 'entities' AND key = $1",
          [name],
        )) ?? 0;
    }
    // The newest documents naming it; `published` is the document's, the same on each of its rows.
    const window = (
      await this.db.query<{ doc_seq: number }>(
        `SELECT doc_seq FROM span_index WHERE layer = 'entities' AND key = $1 GROUP BY doc_seq
         ORDER BY max(published) DESC NULLS LAST, doc_seq DESC LIMIT $2`,
        [name, COOCCURRENCE_WINDOW],
      )
    ).map((row) => row.doc_seq);
    const quotesAbout = await this.db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS} FROM unnest($1::int[]) WITH ORDINALITY w(seq, ord)
         JOIN span_index i ON i.doc_seq = w.seq AND i.layer = 'quotes'
         JOIN documents d ON d.seq = i.doc_seq
       WHERE (i.key IS NULL OR i.key <> $2) AND EXISTS (SELECT 1 FROM span_index e
         WHERE e.doc_seq = i.doc_seq AND e.layer = 'entities' AND e.key = $2
           AND e.span_start >= i.span_start AND e.span_end <= i.span_end)
       ORDER BY w.ord, i.span_start LIMIT 50`,
      [window, name],
    );
    const recent = await this.db.query<RefRow>(
      `SELECT d.id, d.headline, d.outlet, ${STATED_PUBLISHED} FROM unnest($1::int[]) WITH ORDINALITY w(seq, ord)
       JOIN documents d ON d.seq = w.seq ORDER BY w.ord`,
      [window.slice(0, RECENT_DOCUMENTS)],
    );
    const quotesBy = await this.db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS} FROM span_index i JOIN documents d ON d.seq = i.doc_seq
       WHERE i.layer = 'quotes' AND i.key = $1 ORDER BY i.published DESC NULLS LAST, i.doc_seq DESC, i.span_start LIMIT 50`,
      [name],
    );
    return {
      name,
      types: [...types]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      surfaceForms: skip.includes('surfaceForms')
        ? []
        : await this.db.query<{ value: string; count: number }>(
            `SELECT text AS value, count(*)::int AS count FROM (SELECT text FROM span_index
               WHERE layer = 'entities' AND key = $1 ORDER BY published DESC NULLS LAST LIMIT $2) t
             GROUP BY text ORDER BY count DESC, text LIMIT 12`,
            [name, SURFACE_FORM_WINDOW],
          ),
      mentions,
      documents,
      byMonth: [...months].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
      recentDocuments: recent.map(cleanRef),
      quotesBy: quotesBy.map(toRecord),
      quotesAbout: quotesAbout.map(toRecord),
      cooccurring: skip.includes('cooccurring')
        ? []
        : await this.db.query<{ name: string; type: string; documents: number }>(
            `SELECT i.key AS name, max(i.label) AS type, count(DISTINCT i.doc_seq)::int AS documents FROM span_index i
             WHERE i.doc_seq = ANY($1) AND i.layer = 'entities' AND i.key IS NOT NULL AND i.key <> $2
             GROUP BY i.key ORDER BY documents DESC, i.key LIMIT 12`,
            [window, name],
          ),
      cooccurrenceWindow: COOCCURRENCE_WINDOW,
    };
  }

  async newestDocRefs(ids: readonly string[], limit: number): Promise<DocRef[]> {
    if (ids.length === 0 || limit <= 0) return [];
    const rows = await this.db.query<RefRow>(
      `SELECT d.id, d.headline, d.outlet, ${STATED_PUBLISHED} FROM documents d WHERE d.id = ANY($1)
       ORDER BY ${dateOrder({})} DESC NULLS LAST, d.seq DESC LIMIT $2`,
      [ids, limit],
    );
    return rows.map(cleanRef);
  }

  async timeline(query: TimelineQuery): Promise<TimelineEntry[]> {
    // from/to bound the dates of the events themselves, not the publication dates.
    const params = new Params();
    const where = [
      "i.layer IN ('timexes', 'events')",
      "i.key ~ '^[0-9]{4}'",
      ...docFilterConditions({ outlet: query.outlet, section: query.section }, params),
    ];
    if (query.from) where.push(`i.key >= ${params.add(query.from)}`);
    if (query.to) where.push(`i.key < ${params.add(`${query.to}z`)}`);
    if (query.entity) {
      where.push(
        `i.doc_seq IN (SELECT doc_seq FROM span_index WHERE layer = 'entities' AND key = ${params.add(query.entity)})`,
      );
    }
    const limit = params.add(query.limit ?? 500);
    const rows = await this.db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS} FROM span_index i JOIN documents d ON d.seq = i.doc_seq
       WHERE ${where.join(' AND ')} ORDER BY i.key, d.seq, i.span_start LIMIT ${limit}`,
      params.values,
    );
    return rows.map((row) => ({ ...toRecord(row), date: row.key as string }));
  }
}

/** Newest first, or oldest first with undated documents still last; spans of one document in text order. */
function spanOrder(query: DocFilter & { sort?: DateSort }): string {
  const date = dateOrder(query);
  return query.sort === 'oldest'
    ? `${date} ASC NULLS LAST, d.seq, i.span_start`
    : `${date} DESC NULLS LAST, d.seq DESC, i.span_start`;
}
