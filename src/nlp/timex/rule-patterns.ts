import { alternation, capitalisedAlternation, type TimexLexicon } from './lexicon.js';
import type { Granularity } from './resolve.js';

export const YEAR = '((?:1[6-9]|20)\\d\\d)';
/** `four flights a week`, `$1.76 a year`: a rate, not a duration. */
export const RATE_BEFORE =
  /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|thrice|times|once))\S*\s+(?:\S+\s+)?$/i;
export const NOT_BEFORE = '(?<![\\w$£€.,/-])';
export const NOT_AFTER = '(?![\\w%]|[.,]\\d|-\\d)';
/** A time zone after a clock time (`5 p.m. EST`): part of the expression, read as local time. */
export const ZONE = '(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local time)';

const MODS: Record<string, string> = {
  early: 'START',
  'the beginning of': 'START',
  'the start of': 'START',
  late: 'END',
  'the end of': 'END',
  mid: 'MID',
  'the middle of': 'MID',
  'the first half of': 'START',
  'the second half of': 'END',
  about: 'APPROX',
  around: 'APPROX',
  roughly: 'APPROX',
  approximately: 'APPROX',
  some: 'APPROX',
  nearly: 'EQUAL_OR_LESS',
  almost: 'EQUAL_OR_LESS',
  'less than': 'LESS_THAN',
  under: 'LESS_THAN',
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE',
  'up to': 'EQUAL_OR_LESS',
};

export function modOf(word: string | undefined): string | undefined {
  return word ? MODS[word.toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

function lookup(table: Record<string, number>, word: string): number {
  return table[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

export function unitCode(lexicon: TimexLexicon, word: string): string {
  const singular = word.toLowerCase().replace(/s$/, '');
  return lexicon.units[singular] ?? lexicon.units[word.toLowerCase()] ?? 'D';
}

/** `P2Y`, `PT24H`, `PXD`: a duration of `count` units (undefined count = unknown, X). */
export function durationValue(code: string, count: number | undefined): string {
  const amount = count === undefined ? 'X' : String(count);
  if (code === 'WE') return `P${amount}WE`;
  if (code === '2W') return count === undefined ? 'PXW' : `P${count * 2}W`;
  return code.startsWith('T') ? `PT${amount}${code[1]}` : `P${amount}${code}`;
}

/**
 * `2 1/2 years` → P2Y6M, `a minute and a half` → PT1M30S: the half in the next smaller unit where it
 * is a whole number of them, else a decimal fraction (ISO 8601 allows one on the last component).
 */
export function halfMoreDuration(code: string, count: number): string {
  const whole = Math.floor(count);
  const smaller: Record<string, string> = {
    Y: `${whole}Y6M`,
    D: `${whole}DT12H`,
    TH: `T${whole}H30M`,
    TM: `T${whole}M30S`,
  };
  const spelled = smaller[code];
  if (spelled) return `P${spelled}`;
  return durationValue(code, count + 0.5);
}

export const GRANULARITY: Record<string, Granularity> = {
  D: 'D',
  W: 'W',
  WE: 'WE',
  M: 'M',
  Q: 'Q',
  Y: 'Y',
  E: 'E',
  C: 'C',
};

/** The pattern pieces every rule group builds on, made once from the lexicon. */
export interface RulePatterns {
  lexicon: TimexLexicon;
  MONTH: string;
  MONTH_ANY: string;
  WEEKDAY: string;
  SEASON: string;
  PART: string;
  UNIT: string;
  TENS: string;
  TEENS: string;
  ONES: string;
  NUMBER: string;
  VAGUE: string;
  PRE: string;
  APPROX: string;
  /** Month number of a month name (0 when unknown). */
  month: (word: string) => number;
  /** ISO weekday of a weekday name (0 when unknown). */
  day: (word: string) => number;
  re: (source: string) => RegExp;
}

export function rulePatterns(lexicon: TimexLexicon): RulePatterns {
  const fullMonths = Object.keys(lexicon.months).filter(
    (name) => name.length > 4 || name === 'may' || name === 'june' || name === 'july',
  );
  const shortMonths = Object.keys(lexicon.months).filter((name) => !fullMonths.includes(name));
  const MONTH = `(?:${capitalisedAlternation(fullMonths).slice(3, -1)}|${capitalisedAlternation(shortMonths)}\\.)`;
  const MONTH_ANY = `(?:${capitalisedAlternation(fullMonths).slice(3, -1)}|${capitalisedAlternation(shortMonths)}\\.?)`;
  const fullDays = Object.keys(lexicon.weekdays).filter((name) => name.endsWith('day'));
  const shortDays = Object.keys(lexicon.weekdays).filter((name) => !name.endsWith('day'));
  const WEEKDAY = `(?:${capitalisedAlternation(fullDays).slice(3, -1)}|${capitalisedAlternation(shortDays)}\\.)`;
  const SEASON = alternation(Object.keys(lexicon.seasons));
  const PART = alternation(Object.keys(lexicon.partsOfDay));
  const UNIT = `${alternation(['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'centurie', 'millennium', 'weekend'])}s?`;
  const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
  const TEENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
  const ONES = '(?:one|two|three|four|five|six|seven|eight|nine)';
  const WORD_NUMBER = `(?:${TENS}(?:[- ]${ONES})?|${alternation(Object.keys(lexicon.numbers).filter((w) => !['hundred', 'thousand'].includes(w))).slice(3, -1)})`;
  const NUMBER = `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|(?:${WORD_NUMBER})(?:[- ](?:hundred|thousand))?|[Tt]wenty[- ]${ONES})`;
  const VAGUE = alternation(lexicon.vagueNumbers);
  const PRE = `(?:(${alternation(['early', 'late', 'mid', 'the beginning of', 'the start of', 'the end of', 'the middle of', 'the first half of', 'the second half of']).slice(3, -1)})[\\s-]+)?`;
  const APPROX = `(?:(${alternation(['about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'less than', 'more than', 'at least', 'up to', 'some', 'over', 'under']).slice(3, -1)})\\s+)?`;
  const month = (word: string) => lookup(lexicon.months, word);
  const day = (word: string) => lookup(lexicon.weekdays, word);
  const re = (source: string) => new RegExp(source, 'g');

  return {
    lexicon,
    MONTH,
    MONTH_ANY,
    WEEKDAY,
    SEASON,
    PART,
    UNIT,
    TENS,
    TEENS,
    ONES,
    NUMBER,
    VAGUE,
    PRE,
    APPROX,
    month,
    day,
    re,
  };
}
