import type Database from 'better-sqlite3';
import type { Json, Span } from '../../model/index.js';
import type {
  DocFilter,
  DocRef,
  EntityProfile,
  EntityQuery,
  EntitySummary,
  QuotePage,
  QuoteQuery,
  SpanRecord,
  TimelineEntry,
  TimelineQuery,
} from '../store.js';

/** The layers whose spans corpus-level views aggregate, and the attribute each is keyed by. */
const INDEXED_LAYERS: Record<string, (span: Span, text: string) => Json | undefined> = {
  entities: (span, text) => span.attrs?.entity ?? text,
  quotes: (span) => span.attrs?.speakerName,
  timexes: (span) => span.attrs?.value,
  events: (span) => span.attrs?.date,
};

const MAX_EVIDENCE = 1000;
const COOCCURRENCE_WINDOW = 500;

interface SpanRow {
  id: string;
  headline: string | null;
  outlet: string | null;
  published: string | null;
  layer: string;
  span_id: string;
  start: number;
  end: number;
  label: string;
  key: string | null;
  text: string;
}

const SPAN_COLUMNS =
  'd.id, d.headline, d.outlet, d.published, i.layer, i.span_id, i.start, i.end, i.label, i.key, i.text';

/** Keeps `span_index` in step with a document's layers: called inside the store's write transaction. */
export function indexSpans(db: Database.Database, seq: number, layer: string, spans: Span[], docText: string): void {
  const keyOf = INDEXED_LAYERS[layer];
  if (!keyOf) return;
  db.prepare('DELETE FROM span_index WHERE doc_seq = ? AND layer = ?').run(seq, layer);
  const insert = db.prepare(
    'INSERT INTO span_index (doc_seq, layer, span_id, start, end, label, key, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const span of spans) {
    const text = docText.slice(span.start, Math.min(span.end, span.start + MAX_EVIDENCE));
    const key = keyOf(span, text);
    insert.run(seq, layer, span.id, span.start, span.end, span.label, typeof key === 'string' ? key : null, text);
  }
}

/** Corpus-level reads over `span_index`: quotes, entities and the timeline. */
export class CorpusQueries {
  constructor(private readonly db: Database.Database) {}

  listQuotes(query: QuoteQuery): QuotePage {
    const { where, params } = spanFilter(query, ["i.layer = 'quotes'"]);
    if (query.speaker) {
      where.push('i.key = ?');
      params.push(query.speaker);
    }
    if (query.entity) {
      where.push(`EXISTS (SELECT 1 FROM span_index e WHERE e.doc_seq = i.doc_seq AND e.layer = 'entities'
        AND e.key = ? AND e.start >= i.start AND e.end <= i.end)`);
      params.push(query.entity);
    }
    const from = `FROM span_index i JOIN documents d ON d.seq = i.doc_seq WHERE ${where.join(' AND ')}`;
    const rows = this.db
      .prepare(`SELECT ${SPAN_COLUMNS} ${from} ORDER BY d.published DESC, d.seq DESC, i.start LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? 50, query.offset ?? 0) as SpanRow[];
    const total = this.db
      .prepare(`SELECT count(*) ${from}`)
      .pluck()
      .get(...params) as number;
    const speakers = this.db
      .prepare(
        `SELECT i.key AS value, count(*) AS count ${from} AND i.key IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
      )
      .all(...params) as { value: string; count: number }[];
    return { total, quotes: rows.map(toRecord), speakers };
  }

  listEntities(query: EntityQuery): EntitySummary[] {
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
         WHERE ${where.join(' AND ')} GROUP BY key ORDER BY mentions DESC, key LIMIT ? OFFSET ?`,
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

  getEntity(name: string): EntityProfile | undefined {
    const types = this.entityTypes(name);
    if (types.length === 0) return undefined;
    const all = <T>(sql: string, ...params: unknown[]) => this.db.prepare(sql).all(name, ...params) as T[];
    const totals = this.db
      .prepare(
        `SELECT count(*) AS mentions, count(DISTINCT doc_seq) AS documents FROM span_index
         WHERE layer = 'entities' AND key = ?`,
      )
      .get(name) as { mentions: number; documents: number };
    const recent = all<RefRow & { seq: number }>(
      `SELECT DISTINCT d.seq, d.id, d.headline, d.outlet, d.published FROM span_index i JOIN documents d ON d.seq = i.doc_seq
       WHERE i.layer = 'entities' AND i.key = ? ORDER BY d.published DESC, d.seq DESC LIMIT ?`,
      COOCCURRENCE_WINDOW,
    );
    const window = recent.map((doc) => doc.seq);
    const cooccurring = window.length
      ? (this.db
          .prepare(
            `SELECT key AS name, max(label) AS type, count(DISTINCT doc_seq) AS documents FROM span_index
             WHERE layer = 'entities' AND key IS NOT NULL AND key != ? AND doc_seq IN (SELECT value FROM json_each(?))
             GROUP BY key ORDER BY documents DESC, key LIMIT 12`,
          )
          .all(name, JSON.stringify(window)) as { name: string; type: string; documents: number }[])
      : [];
    return {
      name,
      types,
      surfaceForms: all(
        `SELECT text AS value, count(*) AS count FROM span_index WHERE layer = 'entities' AND key = ?
         GROUP BY text ORDER BY count DESC LIMIT 12`,
      ),
      mentions: totals.mentions,
      documents: totals.documents,
      byMonth: all(
        `SELECT substr(d.published, 1, 7) AS value, count(*) AS count FROM span_index i JOIN documents d ON d.seq = i.doc_seq
         WHERE i.layer = 'entities' AND i.key = ? AND d.published IS NOT NULL GROUP BY 1 ORDER BY 1`,
      ),
      recentDocuments: recent.slice(0, 20).map(({ seq: _seq, ...doc }) => cleanRef(doc)),
      quotesBy: all<SpanRow>(
        `SELECT ${SPAN_COLUMNS} FROM span_index i JOIN documents d ON d.seq = i.doc_seq
         WHERE i.layer = 'quotes' AND i.key = ? ORDER BY d.published DESC, d.seq DESC, i.start LIMIT 50`,
      ).map(toRecord),
      quotesAbout: this.listQuotes({ entity: name, limit: 50 }).quotes.filter((quote) => quote.key !== name),
      cooccurring,
      cooccurrenceWindow: COOCCURRENCE_WINDOW,
    };
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

function spanFilter(filter: DocFilter, where: string[]): { where: string[]; params: unknown[] } {
  const params: unknown[] = [];
  if (filter.outlet) {
    where.push('d.outlet = ?');
    params.push(filter.outlet);
  }
  if (filter.section) {
    where.push('EXISTS (SELECT 1 FROM document_sections s WHERE s.doc_seq = d.seq AND s.section = ?)');
    params.push(filter.section);
  }
  if (filter.from) {
    where.push('d.published >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push("d.published < ? || 'z'");
    params.push(filter.to);
  }
  return { where, params };
}

type RefRow = { id: string; headline: string | null; outlet: string | null; published: string | null };

function cleanRef(doc: RefRow): DocRef {
  return {
    id: doc.id,
    headline: doc.headline ?? undefined,
    outlet: doc.outlet ?? undefined,
    published: doc.published ?? undefined,
  };
}

function toRecord(row: SpanRow): SpanRecord {
  return {
    doc: cleanRef(row),
    layer: row.layer,
    spanId: row.span_id,
    start: row.start,
    end: row.end,
    label: row.label,
    key: row.key ?? undefined,
    text: row.text,
  };
}
