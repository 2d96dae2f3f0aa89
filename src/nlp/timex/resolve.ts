/**
 * Turns the parts of a temporal expression into a TIMEX3 value against an anchor (the document date).
 * Without an anchor, relative expressions keep placeholders (`XXXX`, `XXXX-XX-XX`, `XXXX-WXX-7`), as
 * TIMEX3 does for unknown parts.
 */
import { addDays, addMonths, type Day, formatDay, formatMonth, formatWeek, quarterOf, weekday } from './calendar.js';

export type Tense = 'past' | 'future' | 'none';

/** The anchor day and the tense of the clause around the expression, which decides the direction of `Sunday`. */
export interface ResolveContext {
  anchor?: Day;
  tense: Tense;
  /** A few characters of text before the expression, for rules that need a preposition (`in May`). */
  before?: string;
  /** The sentence around the expression. */
  sentence?: string;
}

/**
 * A month (and optionally day) without a year: the year nearest the anchor in the direction the tense
 * points. The day may depend on the year (`Thanksgiving`: the fourth Thursday of November).
 */
export function resolveMonthDay(
  month: number,
  day: number | ((year: number) => number) | undefined,
  context: ResolveContext,
  direction?: 'last' | 'next',
): string {
  const { anchor } = context;
  const dayIn = (year: number) => (typeof day === 'function' ? day(year) : (day ?? 1));
  if (!anchor)
    return day === undefined
      ? `XXXX-${pad(month)}`
      : `XXXX-${pad(month)}-${typeof day === 'function' ? 'XX' : pad(day)}`;
  const at = (year: number) =>
    day === undefined
      ? (year - anchor.year) * 12 + month - anchor.month
      : dayNumber(year, month, dayIn(year)) - dayNumber(anchor.year, anchor.month, anchor.day);
  const years = [anchor.year - 1, anchor.year, anchor.year + 1];
  // A deadline (`by May`, `until Nov. 17`) lies ahead whatever the tense of the clause.
  const deadline =
    /\b(?:by|until|till|through|before|due)\s+(?:(?:early|late|mid|the end of|the middle of)[\s-]+)?$/i.test(
      context.before ?? '',
    );
  // `earlier in March`, `since August`, `later in May`: the words beside the date settle its direction.
  const beside = /\b(?:(earlier\s+in|since)|(later\s+in))\s+(?:(?:early|late|mid)[\s-]+)?$/i.exec(context.before ?? '');
  const pointing =
    direction === 'last' || beside?.[1]
      ? 'past'
      : direction === 'next' || beside?.[2] || deadline
        ? 'future'
        : context.tense;
  const strict = direction !== undefined;
  const before = [...years].reverse().find((y) => (strict ? at(y) < 0 : at(y) <= 0)) ?? anchor.year - 1;
  const after = years.find((y) => (strict ? at(y) > 0 : at(y) >= 0)) ?? anchor.year + 1;
  // The tense points the way, but only so far: a date without a year that would lie most of a year
  // away in that direction is the nearer one the other way (`payable Dec. 7` in a past-tense report).
  const reach = day === undefined ? MONTH_REACH : DAY_REACH;
  let year: number;
  if (strict || beside) year = pointing === 'past' ? before : after;
  else if (pointing === 'past' && -at(before) <= reach.told) year = before;
  else if (pointing === 'future' && at(after) <= reach.told) year = after;
  // With no tense to go by, news looks back further than it looks ahead.
  else year = -at(before) <= reach.untold ? before : after;
  return day === undefined ? formatMonth({ year, month }) : formatDay({ year, month, day: dayIn(year) });
}

/**
 * How far a date without a year may lie in the direction the tense points (`told`), and how far back
 * news looks without a tense (`untold`): months for a bare month, days for a month and day.
 */
const MONTH_REACH = { told: 9, untold: 7 };
const DAY_REACH = { told: 240, untold: 240 };

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * `until Tuesday`, `until 9 a.m. EST Tuesday`: a deadline lies ahead whatever the tense of the clause.
 * A sentence that opens with it (`Until Thursday, they had not called him a suspect`) looks back instead.
 */
const WEEKDAY_DEADLINE =
  /\b(?:until|till)\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?|noon|midnight)(?:\s+[A-Z]{3})?,?\s+)?$/;

/** A weekday: news weekdays point to the past (the most recent one, today included) unless the clause is future. */
export function resolveWeekday(target: number, context: ResolveContext, relation?: 'last' | 'next' | 'this'): string {
  const { anchor } = context;
  if (!anchor) return `XXXX-WXX-${target}`;
  const today = weekday(anchor);
  const future =
    relation === 'next' ||
    (relation !== 'last' && (context.tense === 'future' || WEEKDAY_DEADLINE.test(context.before ?? '')));
  if (future) {
    let ahead = (target - today + 7) % 7;
    if (ahead === 0 && relation === 'next') ahead = 7;
    return formatDay(addDays(anchor, ahead));
  }
  let back = (today - target + 7) % 7;
  if (back === 0 && relation === 'last') back = 7;
  return formatDay(addDays(anchor, -back));
}

export type Granularity = 'D' | 'W' | 'M' | 'Q' | 'Y' | 'E' | 'C' | 'WE';

/** The calendar unit `offset` units away from the anchor (`last year` = Y -1, `this month` = M 0). */
export function resolveRelative(granularity: Granularity, offset: number, anchor: Day | undefined): string {
  if (!anchor) return placeholder(granularity);
  switch (granularity) {
    case 'D':
      return formatDay(addDays(anchor, offset));
    case 'W':
      return formatWeek(addDays(anchor, offset * 7));
    case 'WE':
      return `${formatWeek(addDays(anchor, offset * 7))}-WE`;
    case 'M':
      return formatMonth(addMonths(anchor, offset));
    case 'Q': {
      const index = anchor.year * 4 + quarterOf(anchor) - 1 + offset;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
    case 'Y':
      return String(anchor.year + offset);
    case 'E':
      return String(Math.floor(anchor.year / 10) + offset);
    case 'C':
      return String(Math.floor(anchor.year / 100) + offset);
  }
}

function placeholder(granularity: Granularity): string {
  switch (granularity) {
    case 'D':
      return 'XXXX-XX-XX';
    case 'W':
      return 'XXXX-WXX';
    case 'WE':
      return 'XXXX-WXX-WE';
    case 'M':
      return 'XXXX-XX';
    case 'Q':
      return 'XXXX-QX';
    case 'Y':
      return 'XXXX';
    case 'E':
      return 'XXX';
    case 'C':
      return 'XX';
  }
}

/** A quarter named without a year (`the third quarter`): the anchor's year, or the year before in a past clause when that quarter has not begun. */
export function resolveQuarter(quarter: number, context: ResolveContext, yearOffset = 0): string {
  const { anchor } = context;
  if (!anchor) return `XXXX-Q${quarter}`;
  let year = anchor.year + yearOffset;
  if (yearOffset === 0 && context.tense === 'past' && quarter > quarterOf(anchor)) year--;
  return `${year}-Q${quarter}`;
}

/** A season named without a year. */
export function resolveSeason(season: string, offset: number, anchor: Day | undefined): string {
  return anchor ? `${anchor.year + offset}-${season}` : `XXXX-${season}`;
}

export function anchorDay(context: ResolveContext): string {
  return context.anchor ? formatDay(context.anchor) : 'XXXX-XX-XX';
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
