/**
 * Technique counts per 1,000 words, per article and per outlet (and period), as pure functions over
 * plain records so the store and server can call them on whatever rows they hold.
 */
export interface ArticleFraming {
  words: number;
  spans: number;
  counts: Record<string, number>;
  perThousandWords: Record<string, number>;
}

export interface OutletFraming extends ArticleFraming {
  outlet: string;
  /** `YYYY-MM` when grouped by month, else `all`. */
  period: string;
  articles: number;
}

/**
 * Words of a text, the unit every rate here is per 1,000 of: runs of non-space characters, as the
 * store counts each document's words when it is written, so that the corpus report can sum the
 * stored counts instead of reading every text.
 */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export function summariseArticle(text: string, loaded: readonly { label: string }[]): ArticleFraming {
  const counts: Record<string, number> = {};
  for (const span of loaded) counts[span.label] = (counts[span.label] ?? 0) + 1;
  const words = countWords(text);
  return { words, spans: loaded.length, counts, perThousandWords: perThousand(counts, words) };
}

/**
 * Sums articles by outlet (and by month of `published` when `byMonth`). Rates are pooled (total
 * techniques over total words), so long articles weigh by their length.
 */
/** One article as the outlet summary reads it. */
export interface FramedArticle {
  outlet?: string;
  /** ISO date; its first 7 characters are the month. */
  published?: string;
  framing: ArticleFraming;
}

export function summariseOutlets(articles: readonly FramedArticle[], byMonth = false): OutletFraming[] {
  const groups = new Map<string, OutletCounts>();
  for (const article of articles) {
    const outlet = article.outlet ?? '(unknown)';
    const period = byMonth ? (article.published?.slice(0, 7) ?? 'undated') : 'all';
    const key = `${outlet}\u0000${period}`;
    const group = groups.get(key) ?? { outlet, period, articles: 0, words: 0, counts: {} };
    group.articles++;
    group.words += article.framing.words;
    for (const [technique, count] of Object.entries(article.framing.counts)) {
      group.counts[technique] = (group.counts[technique] ?? 0) + count;
    }
    groups.set(key, group);
  }
  return rateOutlets([...groups.values()]);
}

/** What an outlet (and period) adds up to before rates: its articles, their words, spans of each technique. */
export interface OutletCounts {
  outlet: string;
  period: string;
  articles: number;
  words: number;
  counts: Record<string, number>;
}

/** Pooled rates per 1,000 words for each outlet (and period), sorted by outlet then period. */
export function rateOutlets(groups: readonly OutletCounts[]): OutletFraming[] {
  return groups
    .map((group) => ({
      ...group,
      spans: Object.values(group.counts).reduce((sum, count) => sum + count, 0),
      perThousandWords: perThousand(group.counts, group.words),
    }))
    .sort((a, b) => a.outlet.localeCompare(b.outlet) || a.period.localeCompare(b.period));
}

function perThousand(counts: Record<string, number>, words: number): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [technique, count] of Object.entries(counts)) {
    rates[technique] = words === 0 ? 0 : Math.round((count / words) * 1000 * 100) / 100;
  }
  return rates;
}
