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

/** How often `phrase` occurs in the text, case-insensitively (for the repetition feature). */
export function countOccurrences(lowerText: string, phrase: string): number {
  const needle = phrase.toLowerCase();
  if (needle.length < 3) return 1;
  let count = 0;
  for (let at = lowerText.indexOf(needle); at >= 0 && count < 5; at = lowerText.indexOf(needle, at + needle.length))
    count++;
  return Math.max(count, 1);
}
