/**
 * Publication date of an undated document, estimated from its contents. News reports look back, so
 * the text is no older than the latest date it states outside a future clause:
 * - the year is the latest stated year (`in 2003`, `January 2020`, `Sept. 27, 1989`);
 * - a month and day without a year (`Oct. 31`, `January 5`) is placed in that year, and the latest one
 *   moves the estimate forward;
 * - words that only make sense close to the date (`yesterday`, `today`, weekdays, `this week`) narrow
 *   the interval to a week after the latest date, otherwise it is a month (a year when only a year is
 *   known); `this month` names the month of writing;
 * - `the second anniversary of X` puts it at X's date plus two years (before it, when still to come).
 * The result is a DatedValue marked `estimated: true`, `from: 'contents'`, with an interval and evidence.
 */
import { type DatedValue, ESTIMATED_FROM_CONTENTS } from '../../model/index.js';
import {
  addDays,
  createTimexFinder,
  type Day,
  formatDay,
  parseDay,
  type TimexFinder,
  type TimexFinding,
  tenseAround,
} from '../timex/index.js';

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

export { ESTIMATED_FROM_CONTENTS };

const WINDOW_DAYS = 730;

/** Returns undefined when the text states no year at all. */
export function estimatePublished(text: string, finder: TimexFinder = createTimexFinder()): DatedValue | undefined {
  // The events stage and the ingest both estimate an undated document, one after the other: the
  // second call is answered from the first.
  if (lastEstimate && lastEstimate.text === text) return lastEstimate.value;
  const value = estimateFromText(text, finder);
  lastEstimate = { text, value };
  return value;
}

let lastEstimate: { text: string; value: DatedValue | undefined } | undefined;

function estimateFromText(text: string, finder: TimexFinder): DatedValue | undefined {
  const findings = finder.find(text, undefined).filter((finding) => !looksAhead(text, finding));
  const withYear = findings.filter((f) => f.type === 'DATE' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(f.value));
  if (withYear.length === 0) return undefined;
  const latestYear = withYear.reduce((best, f) => (f.value.slice(0, 4) > best.value.slice(0, 4) ? f : best));
  const year = Number(latestYear.value.slice(0, 4));
  const evidence = [`latest stated year: "${quote(text, latestYear)}"`];

  // The latest day known in that year: full dates of that year and month-days placed in it.
  let latestDay: Day | undefined;
  let latestFrom: TimexFinding | undefined;
  for (const finding of findings) {
    // Only calendar dates, not `last May` or `each July`, which are relative to the unknown date itself.
    if (!['date-month-day', 'date-day-month', 'month-year', 'date-numeric', 'clock-day'].includes(finding.rule))
      continue;
    const placed = /^XXXX-\d{2}/.test(finding.value) ? `${year}${finding.value.slice(4)}` : finding.value;
    if (!placed.startsWith(String(year))) continue;
    const day = parseDay(/^\d{4}-\d{2}$/.test(placed) ? `${placed}-01` : placed);
    if (day && (!latestDay || formatDay(day) > formatDay(latestDay))) {
      latestDay = day;
      latestFrom = finding;
    }
  }
  // Measured on TBAQ (`lede eval published-estimate`), the creation date lies a median of about two years
  // after the latest date a text states, so the interval is open-ended in practice: two years wide.
  const start = latestDay ?? { year, month: 1, day: 1 };
  let earliestBound = formatDay(start);
  let latest = formatDay(addDays(start, WINDOW_DAYS));
  let value = latestDay ? earliestBound : String(year);
  if (latestFrom) evidence.push(`latest calendar date in that year: "${quote(text, latestFrom)}"`);

  const anniversary =
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?anniversary\s+of\b/i.exec(
      text,
    );
  if (anniversary) {
    const word = (anniversary[1] as string).toLowerCase();
    const years = ORDINALS[word] ?? Number.parseInt(word, 10);
    // The event remembered is the fully dated one mentioned most often, the earliest on a tie.
    const counts = new Map<string, number>();
    for (const f of withYear)
      if (/^\d{4}-\d{2}-\d{2}$/.test(f.value)) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
    const remembered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const day = parseDay(remembered);
    if (day && years > 0) {
      const date: Day = { ...day, year: day.year + years };
      // An anniversary still to come (`have been scheduled for`, `will`) dates the text before it.
      const { sentence } = tenseAround(text, anniversary.index, anniversary.index + anniversary[0].length);
      const ahead = /\b(?:will|scheduled|planned|upcoming|to mark|to be held)\b/i.test(sentence);
      earliestBound = formatDay(addDays(date, ahead ? -31 : -7));
      latest = formatDay(addDays(date, ahead ? 0 : 31));
      value = formatDay(addDays(date, ahead ? -15 : 0));
      evidence.push(`"${anniversary[0]}" ${remembered} (+${years} years${ahead ? ', still to come' : ''})`);
    }
  }
  return { value, estimated: true, from: ESTIMATED_FROM_CONTENTS, earliest: earliestBound, latest, evidence };
}

function quote(text: string, finding: TimexFinding): string {
  return text.slice(finding.start, finding.end);
}

/** A date in a future clause or a deadline (`due 1993`, `by the end of 2021`) says nothing about when it was written. */
function looksAhead(text: string, finding: TimexFinding): boolean {
  if (/^(?:the end of|by)\b/i.test(quote(text, finding))) return true;
  const before = text.slice(Math.max(0, finding.start - 25), finding.start);
  if (
    /\b(?:by|until|till|due|through|before|expire[sd]?|maturing|in)\s+(?:(?:early|late|mid|the end of)[\s-]+)?$/i.test(
      before,
    ) &&
    tenseAround(text, finding.start, finding.end).tense === 'future'
  )
    return true;
  if (/\b(?:by|until|till|due|through|maturing)\s+(?:(?:early|late|mid|the end of)[\s-]+)?$/i.test(before)) return true;
  return tenseAround(text, finding.start, finding.end).tense === 'future';
}

/**
 * A near-duplicate of a dated document shares its date: the store calls this with the dated member of
 * a duplicate group. The value is marked estimated (it was not read from this document) and says where
 * it came from.
 */
export function inheritPublished(dated: { id: string; published: DatedValue }): DatedValue {
  return {
    value: dated.published.value,
    estimated: true,
    from: `near-duplicate:${dated.id}`,
    earliest: dated.published.earliest ?? dated.published.value,
    latest: dated.published.latest ?? dated.published.value,
    evidence: [`near-duplicate of ${dated.id}, published ${dated.published.value}`],
  };
}
