import type Database from 'better-sqlite3';
import { COPY_IDS } from '../corpus-rules.js';
import type { SearchPage, SearchQuery, SnippetPiece } from '../store.js';
import type { FacetColumns } from './facet-columns.js';
import { toFtsQuery, unspacedRunsOf } from './fts-query.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './rows.js';
import { parseSnippet, snippetAround } from './snippet.js';

/** Full-text search over `documents_fts`, with filters and facets from the in-memory facet columns. */
export class SqliteSearch {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly facets: FacetColumns,
  ) {
    this.statements = {
      matches: db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck(),
      // Headline terms weigh four times body terms.
      rankTop: db.prepare(
        `SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ?
         ORDER BY score, rowid LIMIT ?`,
      ),
      // Every match scored once, filtered here: FTS5 re-runs the MATCH for each rowid of an `IN` list,
      // which cost 204 ms for 900 copies of one query on 100,000 articles against 24 ms for all 7,632 matches.
      scores: db.prepare('SELECT rowid, bm25(documents_fts, 4.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?'),
      ids: db.prepare('SELECT seq, id FROM documents WHERE seq IN (SELECT value FROM json_each(?))'),
      summaries: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`,
      ),
      texts: db.prepare('SELECT seq, text FROM documents WHERE seq IN (SELECT value FROM json_each(?))'),
      snippets: db.prepare(
        `SELECT rowid, snippet(documents_fts, 1, char(2), char(3), '…', 24) FROM documents_fts
         WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  private vocabulary: Database.Statement | undefined;

  wordsStartingWith(prefix: string, atMost: number): number {
    if (!this.vocabulary) {
      // fts5vocab reads the index's own term list (no storage); a term range is a seek, so counting
      // the first few words of a prefix costs well under a millisecond whatever the prefix.
      this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_vocab USING fts5vocab(main, documents_fts, row)');
      this.vocabulary = this.db
        .prepare('SELECT count(*) FROM (SELECT 1 FROM temp.documents_vocab WHERE term >= ? AND term < ? LIMIT ?)')
        .pluck();
    }
    return this.vocabulary.get(prefix, `${prefix}\u{10FFFF}`, atMost) as number;
  }

  search(query: SearchQuery): SearchPage {
    const match = toFtsQuery(query.text);
    if (!match) return emptyPage();
    // Every match is read as a bare sequence number (cheap); filters, the total and the facets come
    // from the in-memory facet columns. BM25 is computed by SQLite for the best-ranked matches only,
    // and summaries, snippets and copies are read for the page alone.
    const s = this.statements;
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const collapse = query.collapse !== false;
    this.facets.refresh();
    const test = this.facets.matcher(query);
    const all = s.matches.all(match) as number[];
    const kept = test ? all.filter(test) : all;
    const { total, ...facets } = this.facets.count(kept, collapse, query.names, query.includeEstimated);
    const { shown: ranked, read } =
      offset < total ? this.rankPage(match, all.length, total, test, collapse, offset + limit) : EMPTY_RANKING;
    const page = ranked.slice(offset);
    const copies = collapse ? this.copiesOf(match, page, kept, read) : new Map<number, Copies>();
    const pageSeqs = JSON.stringify(page.map(([seq]) => seq));
    const summaries = new Map((s.summaries.all(pageSeqs) as SummaryRow[]).map((row) => [row.seq, row]));
    const snippets = this.snippetsOf(query.text, match, pageSeqs);
    return {
      total,
      hits: page.flatMap(([seq, score]) => {
        const summary = summaries.get(seq);
        if (!summary) return [];
        const found = copies.get(seq);
        return [
          {
            ...toSummary(summary),
            score: -score,
            snippet: snippets.get(seq) ?? [],
            copies: found?.count ?? 0,
            copyIds: found?.ids ?? [],
          },
        ];
      }),
      facets: { ...facets, hasQuotes: facets.hasQuotes as SearchPage['facets']['hasQuotes'] },
    };
  }

  /**
   * Snippets of the page's hits; a hit matched only by Han, kana or Hangul words (in the `cjk`
   * column, which FTS5's snippet of the text cannot mark) gets one cut around the first of them.
   */
  private snippetsOf(text: string, match: string, pageSeqs: string): Map<number, SnippetPiece[]> {
    const rows = this.statements.snippets.raw().all(match, pageSeqs) as [number, string][];
    const snippets = new Map(rows.map(([seq, marked]) => [seq, parseSnippet(marked)]));
    const runs = unspacedRunsOf(text);
    if (runs.length === 0) return snippets;
    const unmarked = [...snippets].filter(([, pieces]) => !pieces.some((piece) => piece.hit)).map(([seq]) => seq);
    if (unmarked.length === 0) return snippets;
    for (const [seq, body] of this.statements.texts.raw().all(JSON.stringify(unmarked)) as [number, string][]) {
      const around = snippetAround(body, runs);
      if (around.length > 0) snippets.set(seq, around);
    }
    return snippets;
  }

  /**
   * The first `wanted` results in rank order (BM25, then insertion order), each near-duplicate group
   * represented by its best-ranked member, and every row read to find them (the top of the ranking,
   * filtered out and collapsed rows included). SQLite keeps only the top rows of its sort; the first
   * try asks for enough of them to cover what the filter and collapsing drop, and a short answer
   * asks for more.
   */
  private rankPage(
    match: string,
    matches: number,
    total: number,
    test: ((seq: number) => boolean) | undefined,
    collapse: boolean,
    wanted: number,
  ): Ranking {
    let fetch = Math.min(matches, Math.ceil((wanted * matches) / Math.max(1, total) + wanted / 4) + 10);
    for (;;) {
      const shown: [number, number][] = [];
      const groups = new Set<number>();
      const read = this.statements.rankTop.raw().all(match, fetch) as [number, number][];
      for (const row of read) {
        if (test && !test(row[0])) continue;
        const group = collapse ? this.facets.group(row[0]) : -1;
        if (group >= 0) {
          if (groups.has(group)) continue;
          groups.add(group);
        }
        shown.push(row);
        if (shown.length === wanted) return { shown, read };
      }
      if (fetch >= matches) return { shown, read };
      fetch = Math.min(matches, fetch * 4);
    }
  }

  /**
   * How many other matching members each hit's near-duplicate group has, and the ids of the
   * best-ranked COPY_IDS of them. The rows the ranking read are the top of it, so a copy among them
   * outranks every copy outside: they give a hit's best copies whenever they hold enough of them.
   * Only otherwise is every match scored (tens of milliseconds on 100,000 articles, and it was done
   * for every search when all copies' ids were listed, hundreds a page).
   */
  private copiesOf(
    match: string,
    page: readonly [number, number][],
    kept: readonly number[],
    read: readonly [number, number][],
  ): Map<number, Copies> {
    const leaderOfGroup = new Map<number, number>();
    for (const [seq] of page) {
      const group = this.facets.group(seq);
      if (group >= 0) leaderOfGroup.set(group, seq);
    }
    const copies = new Map<number, number[]>();
    if (leaderOfGroup.size === 0) return new Map();
    for (const seq of kept) {
      const leader = leaderOfGroup.get(this.facets.group(seq));
      if (leader === undefined || leader === seq) continue;
      const members = copies.get(leader);
      if (members) members.push(seq);
      else copies.set(leader, [seq]);
    }
    let rankOf = new Map(read.map(([seq], rank) => [seq, rank]));
    const enoughRead = [...copies.values()].every(
      (members) => members.filter((seq) => rankOf.has(seq)).length >= Math.min(COPY_IDS, members.length),
    );
    if (!enoughRead) {
      const scored = (this.statements.scores.raw().all(match) as [number, number][]).sort(
        (a, b) => a[1] - b[1] || a[0] - b[0],
      );
      rankOf = new Map(scored.map(([seq], rank) => [seq, rank]));
    }
    const best = new Map(
      [...copies].map(([leader, members]) => [
        leader,
        members
          .filter((seq) => rankOf.has(seq))
          .sort((a, b) => (rankOf.get(a) as number) - (rankOf.get(b) as number))
          .slice(0, COPY_IDS),
      ]),
    );
    const idOf = new Map(
      this.statements.ids.raw().all(JSON.stringify([...best.values()].flat())) as [number, string][],
    );
    return new Map(
      [...copies].map(([leader, members]) => [
        leader,
        { count: members.length, ids: (best.get(leader) ?? []).flatMap((seq) => idOf.get(seq) ?? []) },
      ]),
    );
  }
}

interface Copies {
  count: number;
  ids: string[];
}

interface Ranking {
  shown: [number, number][];
  read: readonly [number, number][];
}

const EMPTY_RANKING: Ranking = { shown: [], read: [] };

function emptyPage(): SearchPage {
  return {
    total: 0,
    hits: [],
    facets: { outlets: [], sections: [], months: [], entities: [], speakers: [], hasQuotes: [], languages: [] },
  };
}
