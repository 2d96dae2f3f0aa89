/**
 * When a text was written, as a range with the evidence for it, or no range and the reason why.
 *
 * A stated date says when something happened, not when the text was written: `in 1701` or `by 2050`
 * says nothing of the writing on its own. A text is dated only when its past dates are about two
 * consecutive years (`recent-years`: 2004 and 2003, in two sentences or more, three quarters of its
 * past dates): news reports the recent past, so it was written in the later year or the next one.
 * Inside those two years:
 * - a weekday written with a day and month (`Sunday, 13 February`) that fits only one of them picks it
 *   (`weekday`);
 * - the latest past day or month stated narrows the start, a dated deadline still to come the end;
 * - the fetch time, when the input has one, is an upper bound.
 * `this year` or `last year` beside a stated year is not read as naming the year of writing: on the
 * Reuters-21578 TRAIN split such sentences mostly compare two years (`sales this year will exceed
 * 1986`), and reading them so put 86% of those ranges on the wrong year.
 */
import type { Day, TimexFinder, TimexFinding } from '../timex/index.js';
import { formatDay, parseDay, tenseAround } from '../timex/index.js';

export type WritingRule = 'recent-years' | 'weekday';

export interface WritingRange {
  earliest: Day;
  latest: Day;
  rule: WritingRule;
  evidence: string[];
}

export type WritingResult = { range: WritingRange } | { undated: string };

/** How many years after the latest past date a range tied to the writing may reach. */
const RECENT_YEARS = 1;

const ABSOLUTE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Stated {
  finding: TimexFinding;
  first: Day;
  last: Day;
  precision: 'year' | 'month' | 'day';
  ahead: boolean;
  tense: string;
  sentence: string;
  quoted: string;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function readStated(text: string, finding: TimexFinding): Stated | undefined {
  if (finding.type !== 'DATE') return undefined;
  const match = ABSOLUTE.exec(finding.value);
  // `that year`, `the previous year`: resolved from another date of the text, not evidence of their own.
  if (!match || !/\d{4}/.test(text.slice(finding.start, finding.end))) return undefined;
  // `fiscal 1988`, `the 1987/88 season`: a period named ahead of time, not a date that has passed.
  if (
    /\b(?:fiscal|financial|FY|crop|season|marketing)\s*(?:year\s*)?$/i.test(
      text.slice(Math.max(0, finding.start - 20), finding.start),
    )
  )
    return undefined;
  if (/^\s*\/\d{2}\b/.test(text.slice(finding.end, finding.end + 4))) return undefined;
  // `25 February 2000 GMT`: a clock time read as a year.
  if (/^\s*(?:GMT|BST|UTC|CET|EST|PST|hrs|hours)\b/i.test(text.slice(finding.end, finding.end + 8))) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  const first = { year, month: month ?? 1, day: day ?? 1 };
  const last = { year, month: month ?? 12, day: day ?? lastDayOfMonth(year, month ?? 12) };
  const { tense, sentence } = tenseAround(text, finding.start, finding.end);
  return {
    finding,
    first,
    last,
    precision: day ? 'day' : month ? 'month' : 'year',
    ahead: looksAhead(text, finding),
    tense,
    sentence,
    quoted: text.slice(finding.start, finding.end),
  };
}

function quote(text: string, finding: TimexFinding): string {
  return text.slice(finding.start, finding.end);
}

function later(a: Day, b: Day): Day {
  return formatDay(a) >= formatDay(b) ? a : b;
}

function earlier(a: Day, b: Day): Day {
  return formatDay(a) <= formatDay(b) ? a : b;
}

function endOfYear(year: number): Day {
  return { year, month: 12, day: 31 };
}

/**
 * The writing range of `text`, from its stated dates and the relative expressions tied to them.
 * `notAfter` (the fetch or ingest time) is an upper bound.
 */
export function estimateWritingRange(text: string, finder: TimexFinder, notAfter?: string): WritingResult {
  const findings = finder.find(text, undefined);
  const stated = findings.map((finding) => readStated(text, finding)).filter((s): s is Stated => s !== undefined);
  if (stated.length === 0) return { undated: 'the text states no year, so nothing dates its writing' };
  const fetched = parseDay(notAfter);
  const past = stated.filter((s) => !s.ahead);
  // The latest past year the text dwells on (stated, with the year before, in two sentences or more)
  // and that no date still to come contradicts: the recent past the text reports.
  const years = [...new Set(past.map((s) => s.first.year))].sort((a, b) => b - a);
  const latest = years.find((year) => {
    if (fetched && year > fetched.year) return false;
    if (stated.some((s) => s.ahead && s.last.year < year)) return false;
    return dwellsOn(past, year);
  });
  if (latest === undefined)
    return {
      undated: `only background dates: its past dates do not dwell on two consecutive years (${describeYears(stated)})`,
    };
  const evidence = [
    ...new Set(
      past.filter((s) => s.first.year === latest || s.first.year === latest - 1).map((s) => `past date: "${s.quoted}"`),
    ),
  ].slice(0, 3);
  let from = latest;
  let to = latest + RECENT_YEARS;
  let rule: WritingRule = 'recent-years';
  // Weekdays that fit one of the two years pick it; weekdays that disagree leave both.
  const fits = weekdayFits(text, findings, [from, to]);
  const fitYears = new Set(fits.map((fit) => fit.day.year));
  const fit = fits[0];
  if (fit && fitYears.size === 1) {
    from = fit.day.year;
    to = fit.day.year;
    rule = 'weekday';
    evidence.push(`"${fit.phrase}" fits ${formatDay(fit.day)}`);
  }
  if (fetched) to = Math.min(to, fetched.year);
  let earliest: Day = { year: from, month: 1, day: 1 };
  let last: Day = endOfYear(to);
  // Within the range, the latest past day and the earliest day still to come narrow it.
  for (const s of stated) {
    if (s.tense === 'past' && !s.ahead && s.precision !== 'year' && s.first.year >= from && s.first.year <= to)
      earliest = later(earliest, s.first);
    // Only a date told as still to come closes the range: `by the end of June 2004` in a past sentence has passed.
    if (s.tense === 'future' && s.precision !== 'year' && s.last.year >= from && s.last.year <= to)
      last = earlier(last, s.last);
  }
  if (fetched) last = earlier(last, fetched);
  if (formatDay(last) < formatDay(earliest)) last = endOfYear(to);
  return { range: { earliest, latest: last, rule, evidence } };
}

/**
 * Whether the text's past dates are about `year` and the year before: both stated, in at least
 * two sentences, and together at least three quarters of the past dates. On the Reuters TRAIN split
 * the writing fell in `year` or the next for 93% of the texts that pass (72% of those that do not:
 * a text that also dwells on older years is often a look back written later).
 */
function dwellsOn(past: readonly Stated[], year: number): boolean {
  const recent = past.filter((s) => s.first.year === year || s.first.year === year - 1);
  if (!recent.some((s) => s.first.year === year) || !recent.some((s) => s.first.year === year - 1)) return false;
  if (new Set(recent.map((s) => s.sentence)).size < MIN_SUPPORT) return false;
  return recent.length >= RECENT_SHARE * past.length;
}

const RECENT_SHARE = 0.75;

/** Pieces of evidence a year needs before it is given as the year of writing. */
const MIN_SUPPORT = 2;

function describeYears(stated: readonly Stated[]): string {
  const years = [...new Set(stated.map((s) => `${s.first.year}${s.ahead ? ' ahead' : ''}`))];
  return years.slice(0, 6).join(', ');
}

/** A weekday written with a day and month but no year (`Sunday, 13 February`) that fits one year of the range. */
function weekdayFits(
  text: string,
  findings: readonly TimexFinding[],
  candidateYears: readonly number[],
): { day: Day; phrase: string }[] {
  const fits: { day: Day; phrase: string }[] = [];
  for (const finding of findings) {
    const match = /^XXXX-(\d{2})-(\d{2})$/.exec(finding.value);
    if (!match) continue;
    const phrase = quote(text, finding);
    const named = WEEKDAYS.findIndex((name) => phrase.toLowerCase().includes(name));
    if (named < 0) continue;
    const years = candidateYears.filter((year) => {
      const date = new Date(Date.UTC(year, Number(match[1]) - 1, Number(match[2])));
      return ((date.getUTCDay() + 6) % 7) + 1 === named + 1;
    });
    if (years.length !== 1) continue;
    const day = { year: years[0] as number, month: Number(match[1]), day: Number(match[2]) };
    fits.push({ day, phrase });
  }
  return fits;
}

/** A date in a future clause or a deadline (`due 1993`, `by the end of 2021`) says nothing about when it was written. */
export function looksAhead(text: string, finding: TimexFinding): boolean {
  if (/^(?:the end of|by)\b/i.test(quote(text, finding))) return true;
  const before = text.slice(Math.max(0, finding.start - 25), finding.start);
  const { tense } = tenseAround(text, finding.start, finding.end);
  if (/\b(?:by|until|till|due|through|maturing)\s+(?:(?:early|late|mid|the end of)[\s-]+)?$/i.test(before)) return true;
  return tense === 'future';
}
