import type Database from 'better-sqlite3';
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
import { dateOrder, docFilterConditions } from './doc-filter.js';

/** A document reference shows a stated date only: an estimate is a range, shown on the document's own page. */
const STATED_PUBLISHED = 'CASE WHEN d.published_estimated = 1 THEN NULL ELSE d.published END AS published';

const SPAN_COLUMNS = `d.id, d.headline, d.outlet, ${STATED_PUBLISHED}, i.layer, i.span_id, i.start, i.end, i.label, i.key, i.text`;

const INDEX_STATEMENTS = new WeakMap<Database.Database, { remove: Database.Statement; insert: Database.Statement }>();

/** Keeps `span_index` in step with a document's layers: called inside the store's write transaction. */
export function indexSpans(
  db: Database.Database,
  seq: number,
  layer: string,
  spans: Span[],
  doc: { text: string; published?: string },
): void {
  const rows = spanIndexRows(layer, spans, doc.text);
  if (!rows) return;
  let statements = INDEX_STATEMENTS.get(db);
  if (!statements) {
    statements = {
      remove: db.prepare('DELETE FROM span_index WHERE doc_seq = ? AND layer = ?'),
      insert: db.prepare(
        `INSERT INTO span_index (doc_seq, layer, span_id, start, end, label, key, text, published)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    INDEX_STATEMENTS.set(db, statements);
  }
  const { remove, insert } = statements;
  remove.run(seq, layer);
  for (const { span, text, key } of rows) {
    insert.run(seq, layer, span.id, span.start, span.end, span.label, key, text, doc.published ?? null);
  }
}

/** Corpus-level reads over `span_index`: quotes, entities and the timeline. */
/** ORDER BY for each entity list sort; fixed strings, never built from the request. */
const ENTITY_ORDER: Record<EntitySort, string> = {
  mentions: 'mentions DESC, key',
  documents: 'documents DESC, mentions DESC, key',
  name: 'key COLLATE NOCASE, key',
};

export class CorpusQueries {
  private entityListCache = new Map<string, EntitySummary[]>();
  private cacheVersion = '';
  private entityPage: ReturnType<typeof prepareEntityPage> | undefined;

  constructor(private readonly db: Database.Database) {}

  /** Any commit, by this connection or another process, changes the version and empties the cache. */
  private cached<T extends EntitySummary[]>(key: string, compute: () => T): T {
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.db.prepare('SELECT total_changes()').pluck().get()}`;
    if (version !== this.cacheVersion) {
      this.entityListCache = new Map();
      this.cacheVersion = version;
    }
    let value = this.entityListCache.get(key) as T | undefined;
    if (!value) {
      value = compute();
      if (this.entityListCache.size > 200) this.entityListCache.clear();
      this.entityListCache.set(key, value);
    }
    return value;
  }

  listQuotes(query: QuoteQuery): QuotePage {
    const { where, params } = spanFilter(query, ["i.layer = 'quotes'"]);
    const named = (name: string) => {
      const keys = keysOf(name, query.names);
      return { sql: keys.map(() => '?').join(', '), keys };
    };
    if (query.speaker) {
      const keys = keysOf(query.speaker, query.names);
      if (query.names?.has(query.speaker) || keys.length > 1) {
        where.push(`i.key IN (${keys.map(() => '?').join(', ')})`);
        params.push(...keys);
      } else {
        // A description (`analysts`, `Analysts` opening a sentence) is no identity: any case of it.
        where.push('i.key = ? COLLATE NOCASE');
        params.push(query.speaker);
      }
    }
    if (query.entity) {
      const { sql, keys } = named(query.entity);
      where.push(`i.rowid IN (SELECT q.rowid FROM span_index e CROSS JOIN span_index q
        ON q.doc_seq = e.doc_seq AND q.layer = 'quotes' AND e.start >= q.start AND e.end <= q.end
        WHERE e.layer = 'entities' AND e.key IN (${sql}))`);
      params.push(...keys);
    }
    const from = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const rows = this.db
      .prepare(`SELECT ${SPAN_COLUMNS} ${from} ORDER BY ${spanOrder(query)} LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? 50, query.offset ?? 0) as SpanRow[];
    const total = this.db
      .prepare(`SELECT count(*) ${from}`)
      .pluck()
      .get(...params) as number;
    const perDocument = this.db
      .prepare(
        `SELECT i.key AS value, count(*) AS count ${from} AND i.key IS NOT NULL GROUP BY 1 ORDER BY 2 DESC${query.names ? '' : ' LIMIT 30'}`,
      )
      .all(...params) as { value: string; count: number }[];
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

  listFramingExamples(query: FramingExampleQuery): FramingExamplePage {
    const { where, params } = spanFilter(query, ["i.layer = 'loaded'"]);
    const from = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const techniques = this.db
      .prepare(`SELECT i.key AS value, count(*) AS count ${from} GROUP BY 1 ORDER BY 2 DESC, 1`)
      .all(...params) as { value: string; count: number }[];
    if (query.technique) {
      where.push('i.key = ?');
      params.push(query.technique);
    }
    const chosen = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const rows = this.db
      .prepare(`SELECT ${SPAN_COLUMNS} ${chosen} ORDER BY ${spanOrder(query)} LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? 20, query.offset ?? 0) as SpanRow[];
    const total = query.technique
      ? (techniques.find((row) => row.value === query.technique)?.count ?? 0)
      : techniques.reduce((sum, row) => sum + row.count, 0);
    return { total, examples: rows.map(toRecord), techniques };
  }

  countFraming(filter: DocFilter, byMonth: boolean): FramingCounts {
    const { conditions, params } = docFilterConditions(filter);
    const where = conditions.length ? `AND ${conditions.join(' AND ')}` : '';
    const period = byMonth
      ? "coalesce(substr(CASE WHEN d.published_estimated = 1 THEN NULL ELSE d.published END, 1, 7), 'undated')"
      : "'all'";
    const outlet = "coalesce(d.outlet, '(unknown)')";
    const documents = this.db
      .prepare(`SELECT count(*) FROM documents d WHERE 1 ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = this.db
      .prepare(
        `SELECT ${outlet} AS outlet, ${period} AS period, count(*) AS articles, sum(d.word_count) AS words
         FROM documents d JOIN layers l ON l.doc_seq = d.seq AND l.layer = 'loaded' WHERE 1 ${where} GROUP BY 1, 2`,
      )
      .all(...params) as { outlet: string; period: string; articles: number; words: number }[];
    const groups = new Map(
      rows.map((row) => [`${row.outlet}\u0000${row.period}`, { ...row, counts: {} as Record<string, number> }]),
    );
    const spans = this.db
      .prepare(
        `SELECT ${outlet} AS outlet, ${period} AS period, i.key AS technique, count(*) AS count
         FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE i.layer = 'loaded' ${where} GROUP BY 1, 2, 3`,
      )
      .all(...params) as { outlet: string; period: string; technique: string; count: number }[];
    for (const row of spans) {
      const group = groups.get(`${row.outlet}\u0000${row.period}`);
      if (group) group.counts[row.technique] = row.count;
    }
    const articles = rows.reduce((sum, row) => sum + row.articles, 0);
    return { documents, withoutLayer: documents - articles, groups: [...groups.values()] };
  }

  /** Counting every mention is a full pass over the entity index, so results are cached until the next write. */
  listEntities(query: EntityQuery): EntitySummary[] {
    return this.cached(JSON.stringify(query), () => this.countEntities(query));
  }

  private countEntities(query: EntityQuery): EntitySummary[] {
    const where = ["layer = 'entities'", 'key IS NOT NULL'];
    const params: unknown[] = [];
    if (query.text) {
      where.push("key LIKE ? ESCAPE '\\'");
      params.push(`${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (query.type) {
      where.push('label = ?');
      params.push(query.type);
    }
    const rows = this.db
      .prepare(
        `SELECT key AS name, count(*) AS mentions, count(DISTINCT doc_seq) AS documents FROM span_index
         WHERE ${where.join(' AND ')} GROUP BY key ORDER BY ${ENTITY_ORDER[query.sort ?? 'mentions']} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit ?? 50, query.offset ?? 0) as Omit<EntitySummary, 'type'>[];
    return rows.map((row) => ({ ...row, type: this.entityTypes(row.name)[0]?.value ?? 'MISC' }));
  }

  private entityTypes(name: string): { value: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT label AS value, count(*) AS count FROM span_index WHERE layer = 'entities' AND key = ?
         GROUP BY label ORDER BY count DESC`,
      )
      .all(name) as { value: string; count: number }[];
  }

  getEntity(name: string, skip: readonly ('cooccurring' | 'surfaceForms')[] = []): EntityProfile | undefined {
    this.entityPage ??= prepareEntityPage(this.db);
    const s = this.entityPage;
    // One pass over the entity's index range gives its types, totals and months: (month, label) groups.
    const groups = s.byMonthAndLabel.all(name) as [string | null, string, number, number][];
    if (groups.length === 0) return undefined;
    const types = new Map<string, number>();
    const months = new Map<string, number>();
    let mentions = 0;
    let documents = 0;
    for (const [month, label, count, docs] of groups) {
      types.set(label, (types.get(label) ?? 0) + count);
      if (month !== null) months.set(month, (months.get(month) ?? 0) + count);
      mentions += count;
      documents += docs;
    }
    // A document naming the entity with two labels is in two groups of its month: count it once.
    if (types.size > 1) documents = s.documents.get(name) as number;
    // Walk the index newest first and stop at the window: never sorts all of a frequent entity's mentions.
    const window: number[] = [];
    const seen = new Set<number>();
    for (const seq of s.newestDocuments.iterate(name) as IterableIterator<number>) {
      if (seen.has(seq)) continue;
      seen.add(seq);
      window.push(seq);
      if (window.length >= COOCCURRENCE_WINDOW) break;
    }
    const inWindow = JSON.stringify(window);
    const quotesAbout = (s.quotesAbout.all(inWindow, name, name) as SpanRow[]).slice(0, 50);
    return {
      name,
      types: [...types]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      surfaceForms: skip.includes('surfaceForms')
        ? []
        : (s.surfaceForms.all(name, SURFACE_FORM_WINDOW) as { value: string; count: number }[]),
      mentions,
      documents,
      byMonth: [...months].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
      recentDocuments: (s.recent.all(JSON.stringify(window.slice(0, RECENT_DOCUMENTS))) as RefRow[]).map(cleanRef),
      quotesBy: (s.quotesBy.all(name) as SpanRow[]).map(toRecord),
      quotesAbout: quotesAbout.map(toRecord),
      cooccurring: skip.includes('cooccurring')
        ? []
        : (s.cooccurring.all(inWindow, name) as { name: string; type: string; documents: number }[]),
      cooccurrenceWindow: COOCCURRENCE_WINDOW,
    };
  }

  newestDocRefs(ids: readonly string[], limit: number): DocRef[] {
    if (ids.length === 0 || limit <= 0) return [];
    const rows = this.db
      .prepare(
        `SELECT d.id, d.headline, d.outlet, ${STATED_PUBLISHED} FROM json_each(?) w CROSS JOIN documents d ON d.id = w.value
         ORDER BY ${dateOrder({})} IS NULL, ${dateOrder({})} DESC, d.seq DESC LIMIT ?`,
      )
      .all(JSON.stringify(ids), limit) as RefRow[];
    return rows.map(cleanRef);
  }

  timeline(query: TimelineQuery): TimelineEntry[] {
    // from/to bound the dates of the events themselves, not the publication dates.
    const { where, params } = spanFilter({ outlet: query.outlet, section: query.section }, [
      "i.layer IN ('timexes', 'events')",
      "i.key GLOB '[0-9][0-9][0-9][0-9]*'",
    ]);
    if (query.from) {
      where.push('i.key >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push("i.key < ? || 'z'");
      params.push(query.to);
    }
    if (query.entity) {
      where.push("i.doc_seq IN (SELECT doc_seq FROM span_index WHERE layer = 'entities' AND key = ?)");
      params.push(query.entity);
    }
    const rows = this.db
      .prepare(
        `SELECT ${SPAN_COLUMNS} FROM span_index i JOIN documents d ON d.seq = i.doc_seq
         WHERE ${where.join(' AND ')} ORDER BY i.key, d.seq, i.start LIMIT ?`,
      )
      .all(...params, query.limit ?? 500) as SpanRow[];
    return rows.map((row) => ({ ...toRecord(row), date: row.key as string }));
  }
}

/** The statements of an entity page, prepared once per store. */
function prepareEntityPage(db: Database.Database) {
  return {
    byMonthAndLabel: db
      .prepare(
        `SELECT substr(published, 1, 7), label, count(*), count(DISTINCT doc_seq) FROM span_index
         WHERE layer = 'entities' AND key = ? GROUP BY 1, 2`,
      )
      .raw(),
    documents: db
      .prepare("SELECT count(DISTINCT doc_seq) FROM span_index WHERE layer = 'entities' AND key = ?")
      .pluck(),
    newestDocuments: db
      .prepare(
        `SELECT doc_seq FROM span_index WHERE layer = 'entities' AND key = ? ORDER BY published DESC, doc_seq DESC`,
      )
      .pluck(),
    recent: db.prepare(
      `SELECT d.id, d.headline, d.outlet, ${STATED_PUBLISHED} FROM json_each(?) w CROSS JOIN documents d ON d.seq = w.value
       ORDER BY w.key`,
    ),
    cooccurring: db.prepare(
      `SELECT i.key AS name, max(i.label) AS type, count(DISTINCT i.doc_seq) AS documents
       FROM json_each(?) w CROSS JOIN span_index i INDEXED BY span_index_doc
         ON i.doc_seq = w.value AND i.layer = 'entities'
       WHERE i.key IS NOT NULL AND i.key != ? GROUP BY i.key ORDER BY documents DESC, i.key LIMIT 12`,
    ),
    // Quotes first: most documents have none, so the window costs an index probe a document, and
    // only a quote's own document is searched for the name inside it. Entity first, every entity
    // row of the 200 documents was read to find the name (3 ms a name on 100,000 articles, against 0.8).
    quotesAbout: db.prepare(
      `SELECT ${SPAN_COLUMNS} FROM json_each(?) w CROSS JOIN span_index i INDEXED BY span_index_doc
         ON i.doc_seq = w.value AND i.layer = 'quotes'
       CROSS JOIN documents d ON d.seq = i.doc_seq
       WHERE (i.key IS NULL OR i.key != ?) AND EXISTS (SELECT 1 FROM span_index e INDEXED BY span_index_doc
         WHERE e.doc_seq = i.doc_seq AND e.layer = 'entities' AND e.key = ? AND e.start >= i.start AND e.end <= i.end)
       ORDER BY w.key, i.start`,
    ),
    surfaceForms: db.prepare(
      `SELECT text AS value, count(*) AS count FROM (SELECT text FROM span_index WHERE layer = 'entities' AND key = ?
       ORDER BY published DESC LIMIT ?) GROUP BY text ORDER BY count DESC LIMIT 12`,
    ),
    quotesBy: db.prepare(
      `SELECT ${SPAN_COLUMNS} FROM span_index i JOIN documents d ON d.seq = i.doc_seq
       WHERE i.layer = 'quotes' AND i.key = ? ORDER BY i.published DESC, i.doc_seq DESC, i.start LIMIT 50`,
    ),
  };
}

/** A document filter's conditions after the span conditions given. */
/** Newest first, or oldest first with undated documents still last; spans of one document in text order. */
function spanOrder(query: DocFilter & { sort?: DateSort }): string {
  const date = dateOrder(query);
  return query.sort === 'oldest' ? `${date} IS NULL, ${date}, d.seq, i.start` : `${date} DESC, d.seq DESC, i.start`;
}

function spanFilter(filter: DocFilter, where: string[]): { where: string[]; params: unknown[] } {
  const { conditions, params } = docFilterConditions(filter);
  return { where: [...where, ...conditions], params };
}
