import type { TimexLexicon } from './lexicon.js';

/** Reads `2,500`, `90`, `two`, `twenty four`, `twenty-four`, `a couple of`, `two hundred`; undefined when vague (`several`). */
export function parseNumber(text: string, lexicon: TimexLexicon): number | undefined {
  const clean = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d[\d,]*(\.\d+)?$/.test(clean)) return Number(clean.replace(/,/g, ''));
  const whole = lexicon.numbers[clean];
  if (whole !== undefined) return whole;
  let total = 0;
  let current = 0;
  for (const word of clean.split(/[\s-]+/)) {
    if (word === 'and') continue;
    const value = lexicon.numbers[word];
    if (value === undefined) return undefined;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += value;
  }
  return total + current || undefined;
}
