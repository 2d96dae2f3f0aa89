/**
 * Shingle matching as the article-extraction benchmark scores it: tokens are runs of word
 * characters, each text is the multiset of its word 4-grams, and per page tp/fp/fn are the shared,
 * extra and missed shingles. Precision and recall are averaged over pages (macro); F1 is the
 * harmonic mean of the two means.
 */
import type { Counts } from './score.js';

/** Python's `\w` under re.UNICODE: letters, digits (any numeric) and underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, size: number): Map<string, number> {
  const tokens = tokenizeWords(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + size).join('\u0001');
    if (!key) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shared, extra and missed 4-gram shingles of one page. */
export function matchShingles(gold: string, predicted: string, size = 4): Counts {
  const goldCounts = shingles(gold, size);
  const predictedCounts = shingles(predicted, size);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of goldCounts) {
    const other = predictedCounts.get(key) ?? 0;
    tp += Math.min(count, other);
    fn += Math.max(0, count - other);
  }
  for (const [key, count] of predictedCounts) fp += Math.max(0, count - (goldCounts.get(key) ?? 0));
  return { tp, fp, fn };
}

export interface MacroScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of pages whose predicted token sequence equals the gold one. */
  accuracy: number;
  pages: number;
}

function pagePrecision({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

function pageRecall({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

/** Macro precision and recall as the benchmark computes them: a page with nothing predicted counts for recall only. */
export function macroScore(pages: readonly Counts[], exactPages = 0): MacroScore {
  const precisions = pages.filter((page) => page.tp + page.fp > 0).map(pagePrecision);
  const recalls = pages.filter((page) => page.tp + page.fn > 0).map(pageRecall);
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: pages.length ? exactPages / pages.length : 0, pages: pages.length };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}
