import { isCalendarDay } from '../../model/index.js';

export { isCalendarDay };
/** Calendar arithmetic over plain year/month/day triples (UTC, no time zones: TIMEX3 values are calendar dates). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Reads the calendar day of an ISO 8601 date or date-time (`2023-02-13`, `2023-02-13T11:41`). */
export function parseDay(value: string | undefined): Day | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function toDate(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

function fromDate(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: Day, days: number): Day {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

export function addMonths(day: Day, months: number): Day {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, last) };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(day: Day): number {
  return toDate(day).getUTCDay() || 7;
}

/** ISO 8601 week: the year that owns the week (it may differ from the calendar year) and its number. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((toDate(thursday).getTime() - firstOfYear) / 86_400_000 / 7) + 1;
  return { year: thursday.year, week };
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDay(day: Day): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

export function formatMonth(day: Pick<Day, 'year' | 'month'>): string {
  return `${pad(day.year, 4)}-${pad(day.month)}`;
}

export function formatWeek(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function quarterOf(day: Day): number {
  return Math.floor((day.month - 1) / 3) + 1;
}
