import { COPY_IDS, keysOf } from '../corpus-rules.js';
import { snippetAround, unspacedRunsOf } from '../sqlite/index.js';
import type { SearchPage, SearchQuery, SnippetPiece } from '../store.js';
import { Params, type PgDatabase } from './pg-database.js';
import { docFilterConditions } from './pg-filter.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './pg-rows.js';
import { lexeme, snippetOf, toTsQuery } from './search-vector.js';

type Count = { value: string; count: number };

/** ts_rank's weights for D, C, B, A: a headline word weighs four times a text word, as in the SQLite store. */
const RANK_WEIGHTS = '{0.1, 0.25, 0.25, 1.0}';
/** Facet values read before sorting them as the SQLite store does (ties by locale order). */
const FACET_READ = 40;

interface SearchRow {
  total: number;
  outlets: Count[] | null;
  sections: Count[] | null;
  months: Count[] | null;
  entities: Count[] | null;
  speakers: Count[] | null;
  has_quotes: Count[] | null;
  languages: Count[] | null;
  page: { seq: number; score: number; unit: string; n: number }[] | null;
  copies: { unit: string; id: string }[] | null;
}

/**
 * Full-text search with PostgreSQL: the GIN index finds the matches, ts_rank orders them, and the
 * total and every facet are counted in the same statement over the matches, a near-duplicate group
 * counting once, as the SQLite store counts them from its in-memory columns.
 */
export class PgSearch {
  constructor(private readonly db: PgDatabase) {}

  async wordsStartingWith(prefix: string, atMost: number): Promise<number> {
    const start = lexeme(prefix);
    return (
      (await this.db.value<number>(
        'SELECT count(*)::int FROM (SELECT 1 FROM search_words WHERE word >= $1 AND word < $2 LIMIT $3) t',
        [start, `${start}\u{10FFFF}`, atMost],
      )) ?? 0
    );
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const parsed = toTsQuery(query.text);
    if (!parsed) return emptyPage();
    const params = new Params();
    const tsquery = params.add(parsed.query);
    const collapse = query.collapse !== false;
    const where = [`d.search @@ ${tsquery}::tsquery`, ...docFilterConditions(query, params)];
    if (query.language) where.push(`d.language = ${params.add(query.language)}`);
    for (const [name, layer] of [
      [query.entity, 'entities'],
      [query.speaker, 'quotes'],
    ] as const) {
      if (!name) continue;
      where.push(`EXISTS (SELECT 1 FROM span_index f WHERE f.doc_seq = d.seq AND f.layer = '${layer}'
        AND f.key = ANY(${params.add(namesStandingFor(name, query.names))}))`);
    }
    if (query.hasQuotes !== undefined) {
      where.push(
        `${query.hasQuotes ? '' : 'NOT '}EXISTS (SELECT 1 FROM span_index f WHERE f.doc_seq = d.seq AND f.layer = 'quotes')`,
      );
    }
    const renamed = [...(query.names ?? [])];
    const nameKeys = params.add(renamed.map(([key]) => key));
    const nameValues = params.add(renamed.map(([, value]) => value));
    const limit = params.add(query.limit ?? 20);
    const offset = params.add(query.offset ?? 0);
    const unit = collapse
      ? "CASE WHEN l.duplicate_group IS NOT NULL THEN 'g' || l.duplicate_group ELSE 's' || d.seq END"
      : "'s' || d.seq";
    const months = query.includeEstimated ? 'true' : 'NOT m.published_estimated';
    // The facets read the matches' own columns, kept in `m`: joining `documents` again for each
    // facet read the whole table once per facet.
    const facet = (value: string, from: string, order = 'count DESC, value') =>
      `(SELECT json_agg(x) FROM (SELECT ${value} AS value, count(DISTINCT m.unit)::int AS count FROM m
         ${from} GROUP BY 1 ORDER BY ${order} LIMIT ${FACET_READ}) x)`;
    const named = (layer: string) =>
      `JOIN span_index i ON i.doc_seq = m.seq AND i.layer = '${layer}' AND i.key IS NOT NULL
       LEFT JOIN unnest(${nameKeys}::text[], ${nameValues}::text[]) AS n(key, value) ON n.key = i.key`;
    const row = await this.db.one<SearchRow>(
      `WITH m AS MATERIALIZED (
         SELECT d.seq, ts_rank('${RANK_WEIGHTS}', d.search, ${tsquery}::tsquery, 1) AS score, ${unit} AS unit,
           d.outlet, d.published, d.published_estimated, d.language
         FROM documents d LEFT JOIN doc_links l ON l.doc_seq = d.seq WHERE ${where.join(' AND ')}
       ),
       r AS MATERIALIZED (
         SELECT seq, score, unit, row_number() OVER (PARTITION BY unit ORDER BY score DESC, seq) AS rk,
           count(*) OVER (PARTITION BY unit)::int AS n FROM m
       ),
       page AS (SELECT seq, score, unit, n FROM r WHERE rk = 1 ORDER BY score DESC, seq LIMIT ${limit} OFFSET ${offset})
       SELECT
         (SELECT count(DISTINCT unit)::int FROM m) AS total,
         ${facet('m.outlet', 'WHERE m.outlet IS NOT NULL')} AS outlets,
         ${facet('s.section', 'JOIN document_sections s ON s.doc_seq = m.seq')} AS sections,
         ${facet('substr(m.published, 1, 7)', `WHERE m.published IS NOT NULL AND ${months}`, 'value DESC')} AS months,
         ${facet('coalesce(n.value, i.key)', named('entities'))} AS entities,
         ${facet('coalesce(n.value, i.key)', named('quotes'))} AS speakers,
         ${facet(
           "CASE WHEN EXISTS (SELECT 1 FROM span_index q WHERE q.doc_seq = m.seq AND q.layer = 'quotes') THEN 'true' ELSE 'false' END",
           '',
           'value DESC',
         )} AS has_quotes,
         ${facet('m.language', 'WHERE m.language IS NOT NULL')} AS languages,
         (SELECT json_agg(p ORDER BY p.score DESC, p.seq) FROM page p) AS page,
         (SELECT json_agg(c ORDER BY c.unit, c.rk) FROM (
            SELECT r.unit, r.rk, d.id FROM r JOIN documents d ON d.seq = r.seq
            WHERE r.rk BETWEEN 2 AND ${COPY_IDS + 1} AND r.unit IN (SELECT unit FROM page)) c) AS copies`,
      params.values,
    );
    if (!row) return emptyPage();
    const page = row.page ?? [];
    const seqs = page.map((hit) => hit.seq);
    const summaries = new Map(
      (
        await this.db.query<SummaryRow & { text: string }>(
          `SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.seq = ANY($1)`,
          [seqs],
        )
      ).map((summary) => [summary.seq, summary]),
    );
    const copyIds = new Map<string, string[]>();
    for (const copy of row.copies ?? []) copyIds.set(copy.unit, [...(copyIds.get(copy.unit) ?? []), copy.id]);
    const runs = unspacedRunsOf(query.text);
    return {
      total: row.total,
      hits: page.flatMap((hit) => {
        const summary = summaries.get(hit.seq);
        if (!summary) return [];
        const { text, ...columns } = summary;
        return [
          {
            ...toSummary(columns),
            score: hit.score,
            snippet: snippetFor(text, parsed.words, runs),
            copies: collapse ? hit.n - 1 : 0,
            copyIds: collapse ? (copyIds.get(hit.unit) ?? []) : [],
          },
        ];
      }),
      facets: {
        outlets: top(row.outlets, 20),
        sections: top(row.sections, 20),
        months: top(row.months, 36, true),
        entities: top(row.entities, 20),
        speakers: top(row.speakers, 20),
        hasQuotes: top(row.has_quotes, 2, true) as SearchPage['facets']['hasQuotes'],
        languages: top(row.languages, 20),
      },
    };
  }
}

/**
 * The per-document names a filter on `name` takes: those `names` maps to it, and itself unless it
 * is known by another name. The SQLite store's facet columns compare the same way.
 */
function namesStandingFor(name: string, names: ReadonlyMap<string, string> | undefined): string[] {
  const own = names?.get(name);
  return keysOf(name, names).filter((key) => key !== name || own === undefined || own === name);
}

function snippetFor(text: string, words: Parameters<typeof snippetOf>[1], runs: readonly string[]): SnippetPiece[] {
  const pieces = snippetOf(text, words);
  if (runs.length === 0 || pieces.some((piece) => piece.hit)) return pieces;
  const around = snippetAround(text, runs);
  return around.length > 0 ? around : pieces;
}

function top(counts: Count[] | null, limit: number, byValue = false): Count[] {
  return (counts ?? [])
    .sort(
      byValue
        ? (a, b) => b.value.localeCompare(a.value)
        : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
    )
    .slice(0, limit);
}

function emptyPage(): SearchPage {
  return {
    total: 0,
    hits: [],
    facets: { outlets: [], sections: [], months: [], entities: [], speakers: [], hasQuotes: [], languages: [] },
  };
}
