import { readFileSync } from 'node:fs';
import { dataPath } from '../../resources/index.js';

/** A calendar day found in a string, with where it stood. */
export interface FoundDate {
  /** `YYYY-MM-DD`. */
  day: string;
  /** The time of day when the string gave one, `HH:MM`. */
  time?: string;
  /** `utc` when the stamp is in UTC (`Z`, `+00:00`, `GMT`), `local` when it names another offset. */
  zone?: 'utc' | 'local';
  index: number;
  length: number;
}

export interface DateBounds {
  minYear: number;
  maxYear: number;
}

/** Publication dates before the web or far ahead are misreadings (ids, prices, phone numbers). */
export const DEFAULT_BOUNDS: DateBounds = { minYear: 1995, maxYear: new Date().getUTCFullYear() + 1 };

const MONTHS_PATH = dataPath('clean/month-names.json');
let monthTable: { names: Map<string, number>; pattern: string } | undefined;

function months(): { names: Map<string, number>; pattern: string } {
  if (monthTable) return monthTable;
  const json = JSON.parse(readFileSync(MONTHS_PATH, 'utf8')) as { months: Record<string, string[]> };
  const names = new Map<string, number>();
  for (const [number, list] of Object.entries(json.months)) for (const name of list) names.set(name, Number(number));
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  monthTable = { names, pattern: `(${alternatives.join('|')})\\.?` };
  return monthTable;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TIME = String.raw`(?:[T\s,]+(?:um\s+|at\s+|à\s+)?(\d{1,2})[:.h](\d{2})(?::\d{1,2})?)?`;
let patterns: { regex: RegExp; read: (match: RegExpExecArray) => [number, number, number] | undefined }[] | undefined;

function datePatterns(): NonNullable<typeof patterns> {
  if (patterns) return patterns;
  const { names, pattern: month } = months();
  const monthOf = (name: string | undefined) => names.get((name ?? '').toLowerCase().replace(/\.$/, ''));
  patterns = [
    // 2019-10-16, 2019/10/16, 2019.10.16, 2019-10-16T10:00
    {
      regex: new RegExp(String.raw`(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)${TIME}`, 'giu'),
      read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
    },
    // 16.10.2019, 16/10/2019 (day first), 10/16/2019 (month first only when the day cannot be a month)
    {
      regex: new RegExp(String.raw`(?<![\d.])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4})(?!\d)${TIME}`, 'giu'),
      read: (m) => {
        const first = Number(m[1]);
        const second = Number(m[3]);
        if (m[2] === '/' && second > 12 && first <= 12) return [Number(m[4]), first, second];
        return [Number(m[4]), second, first];
      },
    },
    // 16. Oktober 2019, 16 October 2019, 16th of October, 2019
    {
      regex: new RegExp(
        String.raw`(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|of\s+)?${month}(?:\s+de)?,?\s+(\d{4})(?!\d)${TIME}`,
        'giu',
      ),
      read: (m) => {
        const number = monthOf(m[2]);
        return number ? [Number(m[3]), number, Number(m[1])] : undefined;
      },
    },
    // October 16, 2019; Oct. 16th 2019
    {
      regex: new RegExp(String.raw`(?<![\p{L}])${month}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)${TIME}`, 'giu'),
      read: (m) => {
        const number = monthOf(m[1]);
        return number ? [Number(m[3]), number, Number(m[2])] : undefined;
      },
    },
    // 2020年07月03日, 2020년 3월 4일
    {
      regex: new RegExp(String.raw`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]${TIME}`, 'gu'),
      read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
  ];
  return patterns;
}

/** Every calendar day written in a string, in order of position, within the bounds. */
export function findDates(text: string, bounds: DateBounds = DEFAULT_BOUNDS): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, read } of datePatterns()) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      const parts = read(match);
      if (!parts) continue;
      const day = toDay(parts, bounds);
      if (!day) continue;
      if (
        found.some((other) => match.index < other.index + other.length && other.index < match.index + match[0].length)
      )
        continue;
      const groups = match.length;
      const hour = match[groups - 2];
      const minute = match[groups - 1];
      const time = hour && minute && Number(hour) < 24 ? `${hour.padStart(2, '0')}:${minute}` : undefined;
      const zone = readZone(text.slice(match.index + match[0].length, match.index + match[0].length + 12), time);
      found.push({ day, time, zone, index: match.index, length: match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
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

function readZone(after: string, time: string | undefined): FoundDate['zone'] {
  if (!time) return undefined;
  if (/^(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT(?![+-][1-9])|UTC(?![+-][1-9]))/i.test(after)) return 'utc';
  if (/^(?:\.\d+)?\s*(?:[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b)/.test(after)) return 'local';
  return undefined;
}

export function toDay([year, month, day]: [number, number, number], bounds: DateBounds): string | undefined {
  if (year < bounds.minYear || year > bounds.maxYear || month < 1 || month > 12 || day < 1) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
