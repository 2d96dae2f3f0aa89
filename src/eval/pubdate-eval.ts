import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { findPublishedDate, readPageFacts } from '../clean/metadata/index.js';
import { readJsonlGz, SHARED_DATA } from '../resources/index.js';
import type { EvalOptions, Evaluation } from './contract.js';

interface PubdatePage {
  id: string;
  url: string;
  date: string | null;
  source: string;
  html: string;
}

export interface PubdateScore {
  tp: number;
  fp: number;
  fn: number;
  pages: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/** The publication day lede reads from a page, `YYYY-MM-DD`, or undefined. */
export function extractPublishedDay(html: string, url: string): string | undefined {
  const { document } = parseHTML(html);
  return findPublishedDate(
    document as unknown as Document,
    readPageFacts(document as unknown as Document, url),
  )?.value.slice(0, 10);
}

/** Counts as the htmldate evaluation does: no answer is a miss, a right day a hit, any other answer a false one. */
export function scorePubdates(outcomes: { gold: string | null; predicted?: string }[]): PubdateScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of outcomes) {
    if (!predicted) fn++;
    else if (gold !== null && predicted === gold) tp++;
    else fp++;
  }
  const pages = outcomes.length;
  return {
    tp,
    fp,
    fn,
    pages,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: pages ? tp / pages : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

export const pubdateEvaluation: Evaluation = {
  description: 'publication date of HTML pages at day granularity on ../shared/data/pubdate',
  async run(options: EvalOptions) {
    const folder = options.data ?? join(SHARED_DATA, 'pubdate');
    const pages = readJsonlGz<PubdatePage>(join(folder, 'pubdate.shared.jsonl.gz'), options.limit);
    const started = performance.now();
    const outcomes = pages.map((page) => ({
      page,
      gold: page.date,
      predicted: extractPublishedDay(page.html, page.url),
    }));
    const seconds = (performance.now() - started) / 1000;
    const rows = [['all', scorePubdates(outcomes)]] as [string, PubdateScore][];
    for (const source of [...new Set(pages.map((page) => page.source))].sort())
      rows.push([source, scorePubdates(outcomes.filter((outcome) => outcome.page.source === source))]);
    const head = `${'pages'.padEnd(16)}  precision  recall  accuracy     f1     tp    fp    fn      n`;
    const lines = rows.map(([name, score]) =>
      [
        name.padEnd(16),
        score.precision.toFixed(4).padStart(9),
        score.recall.toFixed(4).padStart(6),
        score.accuracy.toFixed(4).padStart(8),
        score.f1.toFixed(4).padStart(6),
        String(score.tp).padStart(5),
        String(score.fp).padStart(5),
        String(score.fn).padStart(5),
        String(score.pages).padStart(6),
      ].join('  '),
    );
    const wrong = outcomes
      .filter((outcome) => outcome.predicted !== outcome.gold)
      .slice(0, 8)
      .map((outcome) => `  gold ${outcome.gold ?? 'none'}  got ${outcome.predicted ?? 'none'}  ${outcome.page.url}`);
    const text = [
      `lede eval pubdate: ${pages.length} pages of ${folder} (day granularity) in ${seconds.toFixed(1)} s`,
      head,
      ...lines,
      'first misses:',
      ...wrong,
    ].join('\n');
    return { text, json: { rows: Object.fromEntries(rows), seconds } };
  },
};
