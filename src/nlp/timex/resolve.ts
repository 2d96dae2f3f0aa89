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

/** A month (and optionally day) without a year: the year nearest the anchor in the direction the tense points. */
export function resolveMonthDay(
  month: number,
  day: number | undefined,
  context: ResolveContext,
  direction?: 'last' | 'next',
): string {
  const { anchor } = context;
  const label = day === undefined ? `XXXX-${pad(month)}` : `XXXX-${pad(month)}-${pad(day)}`;
  if (!anchor) return label;
  const at = (year: number) =>
    day === undefined
      ? (year - anchor.year) * 12 + month - anchor.month
      : dayNumber(year, month, day) - dayNumber(anchor.year, anchor.month, anchor.day);
  const years = [anchor.year - 1, anchor.year, anchor.year + 1];
  // A deadline (`by May`, `until Nov. 17`) lies ahead whatever the tense of the clause.
  const deadline =
    /\b(?:by|until|till|through|before|due)\s+(?:(?:early|late|mid|the end of|the middle of)[\s-]+)?$/i.test(
      context.before ?? '',
    );
  const pointing = direction === 'last' ? 'past' : direction === 'next' || deadline ? 'future' : context.tense;
  let year: number;
  if (pointing === 'past') {
    const strict = direction === 'last';
    year =
      [...years]
        .reverse()
        .find((y) => (strict ? at(y) < 0 : at(y) <= 0) && !(day === undefined && strict && at(y) === 0)) ?? anchor.year;
    if (day === undefined && !strict)
      year = years.find((y) => y === anchor.year && month <= anchor.month) ?? anchor.year - 1;
  } else if (pointing === 'future') {
    const strict = direction === 'next';
    year = years.find((y) => (strict ? at(y) > 0 : at(y) >= 0)) ?? anchor.year;
    if (day === undefined && !strict) year = month >= anchor.month ? anchor.year : anchor.year + 1;
  } else if (day === undefined) {
    // With no tense to go by, news looks back up to seven months, further than that it looks ahead.
    year =
      month <= anchor.month || month - anchor.month >= 5
        ? month <= anchor.month
          ? anchor.year
          : anchor.year - 1
        : anchor.year;
    if (month < anchor.month && anchor.month - month > 7) year = anchor.year + 1;
  } else {
    // News looks back: the last occurrence unless it is most of a year ago, then the nearest.
    const past = [...years].reverse().find((y) => at(y) <= 0) ?? anchor.year;
    year =
      -at(past) <= 240
        ? past
        : years.reduce((best, y) => (Math.abs(at(y)) < Math.abs(at(best)) ? y : best), anchor.year);
  }
  return day === undefined ? formatMonth({ year, month }) : formatDay({ year, month, day });
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** A weekday: news weekdays point to the past (the most recent one, today included) unless the clause is future. */
export function resolveWeekday(target: number, context: ResolveContext, relation?: 'last' | 'next' | 'this'): string {
  const { anchor } = context;
  if (!anchor) return `XXXX-WXX-${target}`;
  const today = weekday(anchor);
  const future = relation === 'next' || (relation !== 'last' && context.tense === 'future');
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
