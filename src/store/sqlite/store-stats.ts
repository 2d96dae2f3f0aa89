import type Database from 'better-sqlite3';
import type { StoreStats } from '../store.js';

/** Counts over the whole store, for `lede stats` and the home page. */
export function readStoreStats(db: Database.Database): StoreStats {
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const totals = one<{ documents: number; words: number | null; earliest: string | null; latest: string | null }>(
    `SELECT count(*) AS documents, sum(word_count) AS words,
       min(CASE WHEN published_estimated = 0 THEN published END) AS earliest,
       max(CASE WHEN published_estimated = 0 THEN published END) AS latest FROM documents`,
  );
  return {
    documents: totals.documents,
    words: totals.words ?? 0,
    earliest: totals.earliest ?? undefined,
    latest: totals.latest ?? undefined,
    outlets: db
      .prepare(
        "SELECT coalesce(outlet, '(unknown)') AS value, count(*) AS count FROM documents GROUP BY 1 ORDER BY 2 DESC",
      )
      .all() as { value: string; count: number }[],
    mediaTypes: db
      .prepare('SELECT media_type AS value, count(*) AS count FROM documents GROUP BY 1 ORDER BY 2 DESC')
      .all() as { value: string; count: number }[],
    failures: one<{ n: number }>('SELECT count(*) AS n FROM failures').n,
    layers: db.prepare('SELECT layer, sum(span_count) AS spans FROM layers GROUP BY layer ORDER BY layer').all() as {
      layer: string;
      spans: number;
    }[],
  };
}
