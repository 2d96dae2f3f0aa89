/**
 * Anaphoric expressions (`that year`, `the following month`, `earlier that day`) name a time relative
 * to the time the narrative last mentioned, not to the document date: in `On May 22, 1995, Farkas was
 * made a general, and the following year he was appointed attaché`, the following year is 1996.
 */
import { addDays, addMonths, formatDay, formatMonth, parseDay } from './calendar.js';
import { type ResolveContext, resolveRelative } from './resolve.js';
import type { TimexFinding, TimexRule } from './timex-types.js';

const UNITS = { year: 'Y', month: 'M', day: 'D' } as const;
type Unit = keyof typeof UNITS;

function parts(phrase: string): { unit: Unit; offset: number; same: boolean } {
  const words = phrase.toLowerCase().split(/\s+/);
  const unit = words[words.length - 1] as Unit;
  const offset = words.includes('following') ? 1 : words.includes('previous') || words.includes('prior') ? -1 : 0;
  return { unit, offset, same: offset === 0 };
}

export const ANAPHORIC_RULE = 'anaphoric';

/**
 * Proposes the phrase with the value it has when nothing earlier is dated: `the following year` from
 * the document date (the year after it), `that year` unknown. `resolveAnaphora` replaces it.
 */
export const anaphoricRule: TimexRule = {
  name: ANAPHORIC_RULE,
  pattern:
    /(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Tt]hat(?:\s+same)?|[Tt]he\s+(?:same|following|previous|prior))\s+(?:year|month|day)(?![\w'’-]|\s+(?:of|when|that|before|after|ended|ending)\b)/g,
  build: (match, context: ResolveContext) => {
    const { unit, offset, same } = parts(match[0]);
    return { type: 'DATE', value: same ? placeholder(unit) : resolveRelative(UNITS[unit], offset, context.anchor) };
  },
};

function placeholder(unit: Unit): string {
  return unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX';
}

/** How far back (characters, about a paragraph) the narrated time an anaphor points to may lie. */
const REFERENCE_REACH = 450;

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;

/**
 * Gives each anaphoric finding the value counted from the last calendar date before it (in text order),
 * keeping the precision that date has (`that same day` after `in October 1998` is 1998-10-XX). A
 * `that day` with nothing dated shortly before it is dropped: such phrases are mostly generic
 * (`trades made that day`).
 */
export function resolveAnaphora(text: string, findings: readonly TimexFinding[]): TimexFinding[] {
  const resolved: TimexFinding[] = [];
  let reference: { parts: RegExpExecArray; end: number } | undefined;
  const remember = (finding: TimexFinding) => {
    const calendar = CALENDAR.exec(finding.value);
    if (calendar) reference = { parts: calendar, end: finding.end };
  };
  for (const finding of findings) {
    if (finding.rule !== ANAPHORIC_RULE) {
      resolved.push(finding);
      remember(finding);
      continue;
    }
    const { unit, offset, same } = parts(text.slice(finding.start, finding.end));
    const near = reference && finding.start - reference.end <= REFERENCE_REACH ? reference : undefined;
    const value = near ? fromReference(near.parts, unit, offset) : undefined;
    if (!value && same) continue;
    const next = { ...finding, value: value ?? finding.value };
    resolved.push(next);
    remember(next);
  }
  return resolved;
}

function fromReference(reference: RegExpExecArray, unit: Unit, offset: number): string | undefined {
  const [, year, month, day] = reference;
  if (unit === 'year') return String(Number(year) + offset);
  if (unit === 'month') {
    if (!month) return offset === 0 ? `${year}-XX` : undefined;
    return formatMonth(addMonths({ year: Number(year), month: Number(month), day: 1 }, offset));
  }
  if (!day) return offset === 0 ? `${year}-${month ?? 'XX'}-XX` : undefined;
  const date = parseDay(`${year}-${month}-${day}`);
  return date ? formatDay(addDays(date, offset)) : undefined;
}
