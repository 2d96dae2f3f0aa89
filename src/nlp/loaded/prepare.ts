import { tokenizeRange, type WordToken } from './tokenize.js';

/** A document cut into the framing model's tokens, sentence by sentence. */
export interface PreparedText {
  text: string;
  tokens: WordToken[];
  /** Token index ranges [from, to) of each sentence. */
  sentences: { from: number; to: number }[];
}

export function prepareText(text: string, sentences: readonly { start: number; end: number }[]): PreparedText {
  const tokens: WordToken[] = [];
  const ranges: { from: number; to: number }[] = [];
  for (const sentence of sentences) {
    const from = tokens.length;
    tokens.push(...tokenizeRange(text, sentence.start, sentence.end));
    if (tokens.length > from) ranges.push({ from, to: tokens.length });
  }
  return { text, tokens, sentences: ranges };
}

/** Token range [from, to) covering text[start, end), or undefined when no token lies inside. */
export function tokenRange(
  tokens: readonly WordToken[],
  start: number,
  end: number,
): { from: number; to: number } | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as WordToken).end <= start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < tokens.length && (tokens[to] as WordToken).start < end) to++;
  return to > lo ? { from: lo, to } : undefined;
}

/**
 * Characters searched on each side of a phrase for its repeats: more than any PTC article (47,473),
 * so every article of normal length is searched whole, while a search per span over a document of
 * megabytes, which made the stage quadratic in its length, stays bounded.
 */
export const REPEAT_WINDOW = 50_000;

/**
 * How often `phrase` (found at offset `at` of the text) occurs in the text within REPEAT_WINDOW of
 * it, case-insensitively (for the repetition feature), from 1 to 5.
 */
export function countOccurrences(lowerText: string, phrase: string, at: number): number {
  const needle = phrase.toLowerCase();
  if (needle.length < 3) return 1;
  const from = Math.max(0, at - REPEAT_WINDOW);
  const to = Math.min(lowerText.length, at + needle.length + REPEAT_WINDOW);
  const haystack = from === 0 && to === lowerText.length ? lowerText : lowerText.slice(from, to);
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0 && count < 5; i = haystack.indexOf(needle, i + needle.length)) count++;
  return Math.max(count, 1);
}
