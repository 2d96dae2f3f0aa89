import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanHtml } from '../clean/index.js';
import { readJsonlGz, SHARED_DATA } from '../resources/index.js';
import type { EvalOptions, Evaluation } from './contract.js';
import type { Counts } from './score.js';
import { type MacroScore, macroScore, matchShingles, tokenizeWords } from './shingles.js';

interface ExtractionPage {
  id: string;
  url: string;
  html: string;
  articleBody: string;
}

export type Extractor = (html: string, url: string) => string;

/** The baseline: Readability with its defaults over a linkedom DOM, its `textContent` as the article. */
export function extractWithReadability(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

export function extractWithLede(html: string, url: string): string {
  return cleanHtml(html, { url }).text;
}

export interface ExtractorScore extends MacroScore {
  name: string;
  seconds: number;
  /** Pages by ascending F1, worst first, for looking at failures. */
  worst: { id: string; url: string; precision: number; recall: number }[];
}

export function scoreExtractor(name: string, pages: ExtractionPage[], extract: Extractor): ExtractorScore {
  const started = performance.now();
  const counts: Counts[] = [];
  const perPage: ExtractorScore['worst'] = [];
  let exact = 0;
  for (const page of pages) {
    const predicted = extract(page.html, page.url);
    const pageCounts = matchShingles(page.articleBody, predicted);
    counts.push(pageCounts);
    if (tokenizeWords(predicted).join(' ') === tokenizeWords(page.articleBody).join(' ')) exact++;
    const { tp, fp, fn } = pageCounts;
    perPage.push({ id: page.id, url: page.url, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) });
  }
  const seconds = (performance.now() - started) / 1000;
  const f1Of = (row: { precision: number; recall: number }) =>
    (2 * row.precision * row.recall) / (row.precision + row.recall || 1);
  const worst = perPage.sort((a, b) => f1Of(a) - f1Of(b)).slice(0, 10);
  return { name, ...macroScore(counts, exact), seconds, worst };
}

function formatRows(rows: ExtractorScore[]): string {
  const head = `${'extractor'.padEnd(22)}  precision  recall     f1  exact   pages  seconds`;
  const lines = rows.map((row) =>
    [
      row.name.padEnd(22),
      row.precision.toFixed(4).padStart(9),
      row.recall.toFixed(4).padStart(7),
      row.f1.toFixed(4).padStart(6),
      row.accuracy.toFixed(3).padStart(5),
      String(row.pages).padStart(6),
      row.seconds.toFixed(1).padStart(7),
    ].join('  '),
  );
  return [head, ...lines].join('\n');
}

export const cleanEvaluation: Evaluation = {
  description:
    'main-text extraction from HTML: shingle P/R/F1 on ../shared/data/article-extraction, beside Readability',
  async run(options: EvalOptions) {
    const folder = options.data ?? join(SHARED_DATA, 'article-extraction');
    const pages = readJsonlGz<ExtractionPage>(join(folder, 'article-extraction.shared.jsonl.gz'), options.limit);
    const lede = scoreExtractor('lede clean/html', pages, extractWithLede);
    const baseline = scoreExtractor('readability (baseline)', pages, extractWithReadability);
    const worst = lede.worst
      .slice(0, 5)
      .map(
        (page) => `  ${page.precision.toFixed(2)} / ${page.recall.toFixed(2)}  ${page.id.slice(0, 12)}  ${page.url}`,
      );
    const text = [
      `lede eval clean: ${pages.length} pages of ${folder} (word 4-gram shingles, macro over pages)`,
      formatRows([lede, baseline]),
      'lede worst pages (precision / recall):',
      ...worst,
    ].join('\n');
    return { text, json: { lede, baseline } };
  },
};
