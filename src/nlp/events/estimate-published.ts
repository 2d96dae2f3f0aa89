/**
 * Publication date of an undated document, estimated from its contents as a range
 * (`estimateWritingRange`: the evidence that dates the writing, not any year the text mentions), or
 * from `the second anniversary of X` (X's date plus two years; before it, when still to come). The
 * result is a DatedValue marked `estimated: true`, `from: 'contents'`, whose value is the range in
 * months (`2004-11/2005-03`, one month alone when it fits in one), never an invented day, with its
 * interval, confidence and evidence. Without enough evidence there is no estimate and a reason.
 */
import { type DatedValue, ESTIMATED_FROM_CONTENTS } from '../../model/index.js';
import {
  addDays,
  createTimexFinder,
  type Day,
  formatDay,
  parseDay,
  type TimexFinder,
  tenseAround,
} from '../timex/index.js';
import { estimateWritingRange, type WritingRule } from './writing-date.js';

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

/**
 * Share of each kind of estimate that held the true date on the development set
 * (`lede eval published-estimate --corpus reuters --split dev`: Reuters-21578 TRAIN, dates hidden).
 * `weekday` and `anniversary` are too rare there to measure apart; they narrow a `recent-years`
 * range or date a text by a stated anniversary, and carry its share.
 */
export const RULE_CONFIDENCE: Record<WritingRule | 'anniversary', number> = {
  'recent-years': 0.9,
  weekday: 0.9,
  anniversary: 0.9,
};

export interface PublishedEstimate {
  value?: DatedValue;
  /** Why the document stays undated, when it does. */
  undated?: string;
}

/** Returns undefined when the text holds no evidence of when it was written. */
export function estimatePublished(text: string, finder: TimexFinder = createTimexFinder()): DatedValue | undefined {
  return estimatePublishedWithReason(text, finder).value;
}

/** The estimate, or why there is none; `notAfter` (fetch time) bounds it from above. */
export function estimatePublishedWithReason(
  text: string,
  finder: TimexFinder = createTimexFinder(),
  notAfter?: string,
): PublishedEstimate {
  // The events stage and the published stage both estimate an undated document, one after the
  // other: the second call is answered from the first.
  if (lastEstimate && lastEstimate.text === text && lastEstimate.notAfter === notAfter) return lastEstimate.result;
  const result = anniversaryEstimate(text, finder, notAfter) ?? rangeEstimate(text, finder, notAfter);
  lastEstimate = { text, notAfter, result };
  return result;
}

let lastEstimate: { text: string; notAfter: string | undefined; result: PublishedEstimate } | undefined;

/** `2004-11/2005-03`, or `2005-03` when the range lies in one month. */
export function rangeValue(earliest: string, latest: string): string {
  const from = earliest.slice(0, 7);
  const to = latest.slice(0, 7);
  return from === to ? from : `${from}/${to}`;
}

function dated(earliest: Day, latest: Day, confidence: number, evidence: string[]): DatedValue {
  const from = formatDay(earliest);
  const to = formatDay(latest);
  return {
    value: rangeValue(from, to),
    estimated: true,
    from: ESTIMATED_FROM_CONTENTS,
    earliest: from,
    latest: to,
    confidence,
    evidence,
  };
}

function rangeEstimate(text: string, finder: TimexFinder, notAfter?: string): PublishedEstimate {
  const result = estimateWritingRange(text, finder, notAfter);
  if ('undated' in result) return { undated: result.undated };
  const { earliest, latest, rule, evidence } = result.range;
  return { value: dated(earliest, latest, RULE_CONFIDENCE[rule], [`rule: ${rule}`, ...evidence]) };
}

function anniversaryEstimate(text: string, finder: TimexFinder, notAfter?: string): PublishedEstimate | undefined {
  const anniversary =
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?anniversary\s+of\b/i.exec(
      text,
    );
  if (!anniversary) return undefined;
  const word = (anniversary[1] as string).toLowerCase();
  const years = ORDINALS[word] ?? Number.parseInt(word, 10);
  // The event remembered is the fully dated one told in the past tense most often, the earliest on a
  // tie: a date still to come (`a eurobond due April 24, 1997`) is no event an anniversary remembers.
  const counts = new Map<string, number>();
  for (const f of finder.find(text, undefined))
    if (f.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(f.value) && tenseAround(text, f.start, f.end).tense === 'past')
      counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  const remembered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const day = parseDay(remembered);
  if (!day || !(years > 0)) return undefined;
  const date: Day = { ...day, year: day.year + years };
  // An anniversary still to come (`have been scheduled for`, `will`) dates the text before it.
  const { sentence } = tenseAround(text, anniversary.index, anniversary.index + anniversary[0].length);
  const ahead = /\b(?:will|scheduled|planned|upcoming|to mark|to be held)\b/i.test(sentence);
  const evidence = [`"${anniversary[0]}" ${remembered} (+${years} years${ahead ? ', still to come' : ''})`];
  const earliest = addDays(date, ahead ? -31 : -7);
  // Nothing was written after it was fetched.
  if (notAfter && formatDay(earliest) > notAfter.slice(0, 10)) return undefined;
  return {
    value: dated(earliest, addDays(date, ahead ? 0 : 31), RULE_CONFIDENCE.anniversary, [
      'rule: anniversary',
      ...evidence,
    ]),
  };
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
