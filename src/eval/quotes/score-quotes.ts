/**
 * Quote scoring in PolNeAR's terms. Content spans are compared without the quotation marks at
 * their ends (PolNeAR includes them, lede's spans do not) and without surrounding whitespace.
 * Gold and predicted quotes alike are typed from the text (typeOf), as the PolNeAR converter
 * types its records: direct, mixed or indirect.
 * Span F1 uses the shared countSpanMatches; the speaker is right when the predicted mention
 * overlaps the annotated one (or both are absent), and `attributed` counts a quote only when its
 * span matches and its speaker is right.
 */
import { addCounts, type Counts, countSpanMatches, type MatchMode, type PRF, prf } from '../score.js';
import type { PolnearType } from './polnear.js';

export interface ScoredQuote {
  start: number;
  end: number;
  type: PolnearType;
  speaker: { start: number; end: number } | null;
}

export const CATEGORIES: { name: string; types: PolnearType[] }[] = [
  { name: 'direct', types: ['direct'] },
  { name: 'direct+mixed', types: ['direct', 'mixed'] },
  { name: 'all', types: ['direct', 'mixed', 'indirect'] },
];

const MARKS = /["“”‘’'«»\s]/u;

/** The range without quotation marks or whitespace at either end. */
export function stripMarks(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && MARKS.test(text[start] as string)) start++;
  while (end > start && MARKS.test(text[end - 1] as string)) end--;
  return { start, end };
}

/**
 * direct / mixed / indirect from the text, by the converter's rule: direct when the content sits
 * between an opening double mark (“ or ") and a closing one (” or "), nested single marks and
 * final punctuation aside; mixed when it holds a double mark; indirect otherwise.
 */
export function typeOf(text: string, start: number, end: number): PolnearType {
  const inner = stripMarks(text, start, end);
  let before = inner.start - 1;
  while (before >= 0 && /[\s'‘’]/.test(text[before] as string)) before--;
  let after = inner.end;
  while (after < text.length && /[,.;:!?'‘’]/.test(text[after] as string)) after++;
  const opener = text[before];
  const closer = text[after];
  if ((opener === '\u201c' || opener === '"') && (closer === '\u201d' || closer === '"')) return 'direct';
  return /["“”]/.test(text.slice(start, end)) ? 'mixed' : 'indirect';
}

export interface CategoryTally {
  exact: Counts;
  overlap: Counts;
  /** Matched pairs (overlap) and how many of them have the right speaker. */
  pairs: number;
  speakerRight: number;
  attributedExact: Counts;
  attributedOverlap: Counts;
}

export function emptyTally(): CategoryTally {
  const zero = () => ({ tp: 0, fp: 0, fn: 0 });
  return {
    exact: zero(),
    overlap: zero(),
    pairs: 0,
    speakerRight: 0,
    attributedExact: zero(),
    attributedOverlap: zero(),
  };
}

export function tallyDocument(
  tally: CategoryTally,
  gold: readonly ScoredQuote[],
  predicted: readonly ScoredQuote[],
): void {
  addCounts(tally.exact, countSpanMatches(gold, predicted, 'exact', true));
  addCounts(tally.overlap, countSpanMatches(gold, predicted, 'overlap', true));
  for (const mode of ['exact', 'overlap'] as MatchMode[]) {
    const pairs = alignQuotes(gold, predicted, mode);
    const right = pairs.filter(([g, p]) => speakerRight(g, p)).length;
    if (mode === 'overlap') {
      tally.pairs += pairs.length;
      tally.speakerRight += right;
    }
    addCounts(mode === 'exact' ? tally.attributedExact : tally.attributedOverlap, {
      tp: right,
      fp: predicted.length - right,
      fn: gold.length - right,
    });
  }
}

/** Pairs gold and predicted quotes the way countSpanMatches does (each used once, greedy by overlap). */
export function alignQuotes(
  gold: readonly ScoredQuote[],
  predicted: readonly ScoredQuote[],
  mode: MatchMode,
): [ScoredQuote, ScoredQuote][] {
  const used = new Set<number>();
  const pairs: [ScoredQuote, ScoredQuote][] = [];
  for (const g of gold) {
    let best = -1;
    let bestScore = 0;
    predicted.forEach((p, index) => {
      if (used.has(index)) return;
      if (mode === 'exact') {
        if (p.start === g.start && p.end === g.end && best < 0) best = index;
        return;
      }
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestScore) {
        bestScore = overlap;
        best = index;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([g, predicted[best] as ScoredQuote]);
    }
  }
  return pairs;
}

export function speakerRight(gold: ScoredQuote, predicted: ScoredQuote): boolean {
  if (!gold.speaker || !predicted.speaker) return !gold.speaker && !predicted.speaker;
  return Math.min(gold.speaker.end, predicted.speaker.end) > Math.max(gold.speaker.start, predicted.speaker.start);
}

export function summarise(tally: CategoryTally): {
  exact: PRF;
  overlap: PRF;
  speakerAccuracy: number;
  attributedExact: PRF;
  attributedOverlap: PRF;
} {
  return {
    exact: prf(tally.exact),
    overlap: prf(tally.overlap),
    speakerAccuracy: tally.pairs === 0 ? 0 : tally.speakerRight / tally.pairs,
    attributedExact: prf(tally.attributedExact),
    attributedOverlap: prf(tally.attributedOverlap),
  };
}
