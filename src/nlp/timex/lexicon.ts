import { readFileSync } from 'node:fs';
import { dataPath } from '../../resources/index.js';

/** The word lists of data/timex/lexicon.json, read once. */
export interface TimexLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  units: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  ordinals: Record<string, number>;
  fuzzy: Record<string, string>;
  sets: Record<string, string>;
}

const LEXICON_PATH = dataPath('timex/lexicon.json');

let cached: TimexLexicon | undefined;

export function loadTimexLexicon(path = LEXICON_PATH): TimexLexicon {
  if (path === LEXICON_PATH && cached) return cached;
  const lexicon = JSON.parse(readFileSync(path, 'utf8')) as TimexLexicon;
  if (path === LEXICON_PATH) cached = lexicon;
  return lexicon;
}

/** Word forms to match, with the first letter in either case (sentence-initial words are capitalised). */
export function alternation(words: Iterable<string>): string {
  const forms = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      const first = escaped[0] as string;
      return /[a-z]/.test(first) ? `[${first}${first.toUpperCase()}]${escaped.slice(1)}` : escaped;
    });
  return `(?:${forms.join('|')})`;
}

/** Names that must be capitalised to count (months, weekdays), so `may` and `march` stay verbs. */
export function capitalisedAlternation(words: Iterable<string>): string {
  const forms = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => `${(word[0] as string).toUpperCase()}${word.slice(1)}`);
  return `(?:${forms.join('|')})`;
}
