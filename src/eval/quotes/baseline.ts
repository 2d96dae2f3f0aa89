/**
 * The naive baseline printed beside lede: every pair of double quotation marks is a direct quote,
 * and its speaker is the first capitalised word or pronoun within five words after the closing
 * mark. No cues, no indirect speech, no resolution.
 */
import type { ScoredQuote } from './score-quotes.js';

const PAIR = /["“]([^"“”\n]+)["”]/gu;
const SPEAKER = /^[\s,.]*(?:\S+\s+){0,4}?(he|she|they|it|\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*)/u;

export function naiveQuotes(text: string): ScoredQuote[] {
  const quotes: ScoredQuote[] = [];
  for (const match of text.matchAll(PAIR)) {
    const start = match.index + 1;
    const end = start + (match[1] as string).length;
    const after = text.slice(end + 1, end + 80);
    const speaker = SPEAKER.exec(after);
    const speakerStart = speaker ? end + 1 + speaker.index + speaker[0].length - (speaker[1] as string).length : -1;
    quotes.push({
      start,
      end,
      type: 'direct',
      speaker: speaker ? { start: speakerStart, end: speakerStart + (speaker[1] as string).length } : null,
    });
  }
  return quotes;
}
