import { isIsoCalendarDay } from '../../model/index.js';
import { headlineTokens } from './page-gold.js';
/** What one dump gave through `lede annotate`, beside its gold and the two floors. */
export interface DumpOutcome {
  id: string;
  dumper: string;
  split: 'tune' | 'held-out';
  goldBody?: string;
  /** Gold day of a pubdate dump (null: the page has none); undefined for article-extraction dumps. */
  goldDate?: string | null;
  dateVisible: boolean;
  body: string;
  whole: string;
  date?: string;
  firstDate?: string;
  /** The page's title (article-extraction dumps), whether a dump line says it, and lede's headline. */
  goldHeadline?: string;
  headlineVisible?: boolean;
  headline?: string;
}

export interface HeadlineScore {
  /** Dumps with a gold headline written on one of their lines. */
  visible: number;
  /** Shares of those: the headline has the gold's words; another line; no headline. */
  accuracy: number;
  wrong: number;
  none: number;
}

/** Headlines compared by their lowercase words, so a dumper's marks (`******`, `_`) do not count. */
export function scoreHeadlines(group: readonly DumpOutcome[]): HeadlineScore {
  const visible = group.filter((outcome) => outcome.headlineVisible && outcome.goldHeadline);
  const right = visible.filter(
    (outcome) =>
      outcome.headline !== undefined && headlineTokens(outcome.headline) === headlineTokens(outcome.goldHeadline ?? ''),
  ).length;
  const none = visible.filter((outcome) => outcome.headline === undefined).length;
  const share = (count: number) => (visible.length ? count / visible.length : 0);
  return {
    visible: visible.length,
    accuracy: share(right),
    wrong: share(visible.length - right - none),
    none: share(none),
  };
}

export interface DateScore {
  /** Dumps whose gold day is written in them. */
  visible: number;
  accuracy: number;
  floorAccuracy: number;
  /** Output dates, over every dump of the group, that are not a real calendar day. */
  invalid: number;
}

/**
 * Whether a value is a real day (`2020-13-01` and `2021-02-29` are not); a bare year or year and
 * month (an estimate at that precision) passes when its month is one.
 */
export function isCalendarDay(value: string): boolean {
  return /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/.test(value) || isIsoCalendarDay(value);
}

export function scoreDates(group: readonly DumpOutcome[]): DateScore {
  const visible = group.filter((outcome) => outcome.dateVisible);
  const right = (day: string | undefined, outcome: DumpOutcome) =>
    day !== undefined && day.length >= 10 && isCalendarDay(day) && day.slice(0, 10) === outcome.goldDate;
  return {
    visible: visible.length,
    accuracy: visible.length ? visible.filter((outcome) => right(outcome.date, outcome)).length / visible.length : 0,
    floorAccuracy: visible.length
      ? visible.filter((outcome) => right(outcome.firstDate, outcome)).length / visible.length
      : 0,
    invalid: group.filter((outcome) => outcome.date !== undefined && !isCalendarDay(outcome.date)).length,
  };
}
