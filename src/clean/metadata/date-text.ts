import { isCalendarDay } from '../../model/index.js';
import { type CalendarName, dayFirstIn, foldName, type MonthName, nameTables, toGregorian } from './calendar-names.js';

/** A calendar day found in a string, with where it stood. */
export interface FoundDate {
  /** `YYYY-MM-DD`, always a real Gregorian day. */
  day: string;
  /** The time of day when the string gave one, `HH:MM`. */
  time?: string;
  /** `utc` when the stamp is in UTC (`Z`, `+00:00`, `GMT`), `local` when it names another offset. */
  zone?: 'utc' | 'local';
  index: number;
  length: number;
  /** A numeric date either way round (`05/06/2016`), read by the text's other dates or its language. */
  ambiguous?: boolean;
  /** The calendar it was written in, when not the Gregorian one. */
  calendar?: CalendarName;
  /** A weekday name stands just before it and names this day's weekday. */
  weekday?: boolean;
}

export interface DateBounds {
  minYear: number;
  maxYear: number;
}

/** Publication dates before the web or far ahead are misreadings (ids, prices, phone numbers). */
export const DEFAULT_BOUNDS: DateBounds = { minYear: 1995, maxYear: new Date().getUTCFullYear() + 1 };

const TIME = String.raw`(?:[T\s,]*(?:[-–|@]\s*)?(?:um\s+|at\s+|à\s+|a\s+las\s+|alle\s+|às\s+)?(\d{1,2})[:.h](\d{2})(?::\d{1,2})?)?`;

/**
 * A year ends at a non-digit, or where dumpers glue the next time or date to it (`28 luglio
 * 202010:43`, `17/11/201917/11/2019`: block elements with no space between them).
 */
const YEAR_END = String.raw`(?:(?!\d)|(?=\d{1,2}(?:[:/]|\.\d|\.?\s)))`;

/** What a pattern read: year, month, day in a calendar, or a numeric date that may be either way round. */
type Reading =
  | { kind: 'named'; parts: [number, number, number]; name: MonthName }
  | { kind: 'fixed'; parts: [number, number, number] }
  | { kind: 'numeric'; first: number; second: number; year: number; separator: string };

interface DatePattern {
  regex: RegExp;
  read: (match: RegExpExecArray) => Reading | undefined;
}

let patterns: DatePattern[] | undefined;

function datePatterns(): DatePattern[] {
  if (patterns) return patterns;
  const { months, monthPattern } = nameTables();
  const month = `(${monthPattern})\\.?`;
  const named = (name: string | undefined, year: string | undefined, day: string | undefined): Reading | undefined => {
    const entry = months.get(foldName(name ?? ''));
    return entry ? { kind: 'named', parts: [Number(year), entry.month, Number(day)], name: entry } : undefined;
  };
  patterns = [
    // 2019-10-16, 2019/10/16, 2019.10.16, 2019-10-16T10:00: year first is always year, month, day.
    {
      regex: new RegExp(String.raw`(?<![\d._])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])${TIME}`, 'gu'),
      read: (m) => ({ kind: 'fixed', parts: [Number(m[1]), Number(m[3]), Number(m[4])] }),
    },
    // 16.10.2019, 16/10/2019, 10/16/2019: which way round is decided with the whole text in view.
    {
      regex: new RegExp(String.raw`(?<![\d.])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4})${YEAR_END}${TIME}`, 'gu'),
      read: (m) => ({
        kind: 'numeric',
        first: Number(m[1]),
        second: Number(m[3]),
        year: Number(m[4]),
        separator: m[2] ?? '',
      }),
    },
    // 16. Oktober 2019, 16 October 2019, 16th of October, 2019, 16 de octubre de 2019, 16 октября 2019, ١٦ محرم ١٤٤١
    {
      regex: new RegExp(
        String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?[\s_]*(?:de\s+|of\s+)?${month}(?:\s+de|\s+del)?[,،]?[\s_]+(\d{4})${YEAR_END}${TIME}`,
        'giu',
      ),
      read: (m) => named(m[2], m[3], m[1]),
    },
    // October 16, 2019; Oct. 16th 2019; Ramadan 17, 1442
    {
      regex: new RegExp(
        String.raw`(?<![\p{L}])${month}[\s_]+(\d{1,2})(?:st|nd|rd|th)?[,،]?[\s_]+(\d{4})${YEAR_END}${TIME}`,
        'giu',
      ),
      read: (m) => named(m[1], m[3], m[2]),
    },
    // 2020年07月03日, 2020년 3월 4일
    {
      regex: new RegExp(String.raw`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]${TIME}`, 'gu'),
      read: (m) => ({ kind: 'fixed', parts: [Number(m[1]), Number(m[2]), Number(m[3])] }),
    },
  ];
  return patterns;
}

/** Arabic-Indic and Persian digits as ASCII, one code unit for one, so offsets stay those of the text. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

interface Hit {
  reading: Reading;
  index: number;
  length: number;
  time?: string;
  zone?: FoundDate['zone'];
  weekday?: number;
}

/**
 * Every calendar day written in a string, in order of position, within the bounds. A numeric date
 * that reads both ways is read as the text's unambiguous numeric dates with the same separator are
 * written, else as a weekday name before it says, else by the convention of the language its month
 * names are in, else day first; it is then marked `ambiguous`.
 */
export function findDates(text: string, bounds: DateBounds = DEFAULT_BOUNDS): FoundDate[] {
  const digits = asciiDigits(text);
  const hits = collectHits(digits);
  const dayFirst = numericConvention(hits);
  const found: FoundDate[] = [];
  for (const hit of hits) {
    const resolved = resolve(hit, dayFirst, bounds);
    if (!resolved) continue;
    const { time, zone, index, length } = hit;
    found.push({ ...resolved, time, zone, index, length });
  }
  return found.sort((a, b) => a.index - b.index);
}

let weekdayBeforeDate: RegExp | undefined;

/** A weekday name just before a date (`Tuesday, 3 March`), in any language of the name tables; built once. */
function weekdayBefore(): RegExp {
  weekdayBeforeDate ??= new RegExp(
    `(?<![\\p{L}])(${nameTables().weekdayPattern})\\.?[,،]?\\s*(?:den\\s+|le\\s+|el\\s+)?$`,
    'iu',
  );
  return weekdayBeforeDate;
}

function collectHits(text: string): Hit[] {
  const { weekdays } = nameTables();
  const hits: Hit[] = [];
  // Characters a hit already covers: an earlier pattern's reading wins, checked in the hit's length.
  const covered = new Uint8Array(text.length);
  for (const { regex, read } of datePatterns()) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      const reading = read(match);
      if (!reading) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (covered.subarray(start, end).includes(1)) continue;
      covered.fill(1, start, end);
      const groups = match.length;
      const hour = match[groups - 2];
      const minute = match[groups - 1];
      const time = hour && minute && Number(hour) < 24 ? `${hour.padStart(2, '0')}:${minute}` : undefined;
      const zone = readZone(text.slice(end, end + 12), time);
      const named = weekdayBefore().exec(text.slice(Math.max(0, start - 24), start))?.[1];
      const weekday = named === undefined ? undefined : weekdays.get(foldName(named))?.weekday;
      hits.push({ reading, index: start, length: match[0].length, time, zone, weekday });
    }
  }
  return hits;
}

/** Day first or not, per separator, from the text's own unambiguous dates, then its language; undefined when neither tells. */
function numericConvention(hits: readonly Hit[]): (separator: string) => boolean | undefined {
  const votes = new Map<string, number>();
  const locales = new Map<string, number>();
  for (const { reading } of hits) {
    if (reading.kind === 'numeric' && reading.first <= 31 && reading.second <= 31) {
      const vote = reading.first > 12 && reading.second <= 12 ? 1 : reading.second > 12 && reading.first <= 12 ? -1 : 0;
      votes.set(reading.separator, (votes.get(reading.separator) ?? 0) + vote);
    }
    if (reading.kind === 'named' && reading.name.calendar === 'gregory')
      for (const locale of reading.name.locales) locales.set(locale, (locales.get(locale) ?? 0) + 1);
  }
  const language = [...locales].sort((a, b) => b[1] - a[1])[0]?.[0];
  const languageDayFirst = language === undefined ? undefined : dayFirstIn(language);
  return (separator) => {
    const vote = votes.get(separator) ?? 0;
    if (vote !== 0) return vote > 0;
    // Nobody writes month first with dots; slashes and dashes go by the language.
    if (separator === '.') return true;
    return languageDayFirst;
  };
}

function resolve(
  hit: Hit,
  dayFirst: (separator: string) => boolean | undefined,
  bounds: DateBounds,
): Pick<FoundDate, 'day' | 'ambiguous' | 'calendar' | 'weekday'> | undefined {
  const { reading } = hit;
  const agrees = (day: string) => hit.weekday !== undefined && new Date(`${day}T00:00:00Z`).getUTCDay() === hit.weekday;
  if (reading.kind === 'fixed') {
    const day = toDay(reading.parts, bounds);
    return day ? { day, weekday: agrees(day) || undefined } : undefined;
  }
  if (reading.kind === 'named') {
    const { calendar } = reading.name;
    const gregorian = toGregorian(calendar, ...reading.parts);
    const day = gregorian && toDay(gregorian, bounds);
    if (!day) return undefined;
    return { day, weekday: agrees(day) || undefined, ...(calendar === 'gregory' ? {} : { calendar }) };
  }
  const { first, second, year, separator } = reading;
  const dayMonth = toDay([year, second, first], bounds);
  const monthDay = toDay([year, first, second], bounds);
  if (!dayMonth || !monthDay || dayMonth === monthDay) {
    const day = dayMonth ?? monthDay;
    return day ? { day, weekday: agrees(day) || undefined } : undefined;
  }
  if (agrees(dayMonth) !== agrees(monthDay)) return { day: agrees(dayMonth) ? dayMonth : monthDay, weekday: true };
  const convention = dayFirst(separator);
  return { day: convention === false ? monthDay : dayMonth, ambiguous: true };
}

/** The first calendar day of a string: ISO stamps, `20191016`, numeric and month-name forms. */
export function parseDateText(text: string, bounds: DateBounds = DEFAULT_BOUNDS): FoundDate | undefined {
  const compact = /^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{2,6})?\s*$/.exec(text);
  if (compact) {
    const day = toDay([Number(compact[1]), Number(compact[2]), Number(compact[3])], bounds);
    if (day) return { day, index: 0, length: text.length };
  }
  const epoch = /^\s*(\d{10}|\d{13})\s*$/.exec(text);
  if (epoch?.[1]) {
    const millis = epoch[1].length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000;
    const day = new Date(millis).toISOString().slice(0, 10);
    if (toDay(day.split('-').map(Number) as [number, number, number], bounds))
      return { day, index: 0, length: text.length };
  }
  return findDates(text, bounds)[0];
}

/** Any year a calendar date given as data may carry: an archive's 1990 story is not a misreading. */
const GIVEN_BOUNDS: DateBounds = { minYear: 1000, maxYear: 9999 };

/**
 * A date given as data (a JSONL record's `published`): kept as written when it opens with a real
 * ISO day, else read like text (`13/02/2023`); undefined when it names no real day (`2020-13-01`).
 */
export function readGivenDate(value: string): string | undefined {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(trimmed);
  if (iso) return toDay([Number(iso[1]), Number(iso[2]), Number(iso[3])], GIVEN_BOUNDS) ? trimmed : undefined;
  const found = parseDateText(trimmed, GIVEN_BOUNDS);
  if (!found) return undefined;
  return found.time ? `${found.day}T${found.time}` : found.day;
}

function readZone(after: string, time: string | undefined): FoundDate['zone'] {
  if (!time) return undefined;
  if (/^(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT(?![+-][1-9])|UTC(?![+-][1-9]))/i.test(after)) return 'utc';
  if (/^(?:\.\d+)?\s*(?:[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b)/.test(after)) return 'local';
  return undefined;
}

/** `YYYY-MM-DD` when the three numbers make a real Gregorian day within the bounds, else undefined. */
export function toDay([year, month, day]: [number, number, number], bounds: DateBounds): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < bounds.minYear || year > bounds.maxYear || !isCalendarDay(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
