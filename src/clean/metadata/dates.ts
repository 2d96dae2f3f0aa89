import * as chrono from 'chrono-node';
import { toDay } from './date-text.js';

/** Date-header shapes seen at the top of scraped dumps: ` date 2023-02-13 0`, `Monday 13 February 2023 - 11:41`. */
const ISO_HEADER =
  /^\s*(?:date|published|posted|updated|last updated)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/i;
const WEEKDAY = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*,?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A line that is a date and little else: the whole line must be consumed by the date and its time. */
const DATELINE = new RegExp(
  `^\\s*(?:(?:published|posted|updated|last updated|date)\\s*:?\\s*)?(?:${WEEKDAY}\\s+)?(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2},?)\\s+\\d{4}(?:\\s*[-|,@–]?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\\d{1,2})?)?)?\\s*$`,
  'i',
);

/** A header states its own year; any year a calendar can hold is read as written. */
const ANY_YEAR = { minYear: 1, maxYear: 9999 };

export interface ParsedDateLine {
  /** ISO date or date-time, at the precision the line gives. */
  value: string;
  hasTime: boolean;
}

/** Parses a line that is only a date header; undefined when the line is something else. */
export function parseDateLine(line: string): ParsedDateLine | undefined {
  const iso = ISO_HEADER.exec(line);
  if (iso?.[1]) {
    // `date 2020-13-01` is no day: the header is then not a date header at all.
    if (!toDay(iso[1].split('-').map(Number) as [number, number, number], ANY_YEAR)) return undefined;
    return iso[2] ? { value: `${iso[1]}T${iso[2]}`, hasTime: true } : { value: iso[1], hasTime: false };
  }
  if (!DATELINE.test(line)) return undefined;
  const results = chrono.strict.parse(line, undefined, { forwardDate: false });
  const first = results[0];
  if (!first) return undefined;
  const start = first.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (!year || !month || !day || !start.isCertain('year')) return undefined;
  const date = toDay([year, month, day], ANY_YEAR);
  if (!date) return undefined;
  if (start.isCertain('hour')) {
    return { value: `${date}T${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}`, hasTime: true };
  }
  return { value: date, hasTime: false };
}

/** Looks like a date header but could not be read: worth a warning. */
export function looksLikeDateHeader(line: string): boolean {
  return /^\s*(?:date|published|posted|updated)\b/i.test(line) && /\d/.test(line) && line.length < 60;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Picks the most precise of several consistent header dates (same day, the one with a time wins). */
export function mergeHeaderDates(dates: ParsedDateLine[]): ParsedDateLine | undefined {
  let best: ParsedDateLine | undefined;
  for (const date of dates) {
    if (!best) best = date;
    else if (date.value.slice(0, 10) === best.value.slice(0, 10) && date.hasTime && !best.hasTime) best = date;
  }
  return best;
}
