/**
 * Publication date of an undated document, estimated from its contents: it is no earlier than the
 * latest fully stated past date it mentions; `the second anniversary of X` puts it near X's date plus
 * two years. The result is a DatedValue marked `estimated: true` with an interval and the evidence.
 */
import type { DatedValue } from '../../model/index.js';
import { addDays, createTimexFinder, type Day, formatDay, parseDay, type TimexFinder } from '../timex/index.js';

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

/** Returns undefined when the text states no date at all. */
export function estimatePublished(text: string, finder: TimexFinder = createTimexFinder()): DatedValue | undefined {
  const findings = finder.find(text, undefined);
  const stated = findings
    .filter((finding) => finding.type === 'DATE' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(finding.value))
    .map((finding) => ({ finding, day: earliestDayOf(finding.value) as Day }));
  if (stated.length === 0) return undefined;
  const latest = stated.reduce((best, item) => (formatDay(item.day) > formatDay(best.day) ? item : best));
  const evidence = [`latest stated date: "${text.slice(latest.finding.start, latest.finding.end)}"`];
  let earliest = formatDay(latest.day);
  let value = latest.finding.value;
  let latestBound = formatDay(addDays(latest.day, 365));

  const anniversary =
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?anniversary\s+of\b/i.exec(
      text,
    );
  if (anniversary) {
    const word = (anniversary[1] as string).toLowerCase();
    const years = ORDINALS[word] ?? Number.parseInt(word, 10);
    const full = stated.filter((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.finding.value));
    // The event remembered is the fully dated one mentioned most often, the earliest on a tie.
    const counts = new Map<string, number>();
    for (const item of full) counts.set(item.finding.value, (counts.get(item.finding.value) ?? 0) + 1);
    const remembered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const day = parseDay(remembered);
    if (day && years > 0) {
      const date: Day = { ...day, year: day.year + years };
      // An anniversary still to come (`have been scheduled for`, `will`) dates the text before it.
      const sentenceEnd = text.indexOf('.', anniversary.index);
      const sentence = text.slice(
        text.lastIndexOf('.', anniversary.index) + 1,
        sentenceEnd < 0 ? text.length : sentenceEnd,
      );
      const ahead = /\b(?:will|scheduled|planned|upcoming|to mark|to be held)\b/i.test(sentence);
      earliest = formatDay(addDays(date, ahead ? -31 : -7));
      latestBound = formatDay(addDays(date, ahead ? 0 : 31));
      value = formatDay(addDays(date, ahead ? -15 : 0));
      evidence.push(`"${anniversary[0]}" ${remembered} (+${years} years${ahead ? ', still to come' : ''})`);
    }
  }
  return { value, estimated: true, from: 'contents', earliest, latest: latestBound, evidence };
}

function earliestDayOf(value: string): Day | undefined {
  const [year, month = '01', day = '01'] = value.split('-');
  return parseDay(`${year}-${month}-${day}`);
}
