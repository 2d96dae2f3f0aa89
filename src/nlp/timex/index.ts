/**
 * nlp/timex: adds `timexes` (label DATE|TIME|DURATION|SET, attrs.value a TIMEX3 value, attrs.mod when
 * the phrase carries one, attrs.anchor saying what relative values were resolved against).
 * Requires `sentences` (the stage order; the tense of the clause is read from the text itself).
 *
 * Rule-based (regular expressions over data/timex/lexicon.json), normalised against the document date
 * `doc.meta.published`. News conventions: a bare weekday points to the most recent such day (today
 * included) unless its clause is future (`will meet on Friday`, `would leave Thursday`, `until Tuesday`,
 * a scheduled present: `they meet Monday`); a month or date without a year goes the way the tense of
 * its clause points (any past-tense verb counts), but no further than about three quarters of a year,
 * else it is the nearest one (`payable Dec. 7` in a past-tense report). Anaphoric expressions (`that
 * year`, `the following month`, `earlier that day`) count from the last date the text named (see
 * anaphora.ts). Without a document date, relative expressions keep TIMEX3 placeholders (`last year` →
 * `XXXX`, `Sunday` → `XXXX-WXX-7`); absolute ones are resolved; nlp/events re-resolves them against an
 * estimated date (see estimatePublished).
 * Known limits: `two days after the attack` stays a duration (nlp/events anchors it on the event);
 * TimeBank's own conventions are inconsistent for weeks (`last week` is 1989-WXX in the WSJ files),
 * quarters (fiscal ones) and `a year ago` in earnings reports; AQUAINT dates `Friday night` without TNI.
 * `scripts/timex-errors.ts` lists the remaining mismatches grouped by kind.
 *
 * Last measured (`node bin/lede.js eval timex`, TempEval-3 TBAQ, 256 documents, 1,822 TIMEX3; TBAQ is
 * TempEval-3's training portion and the rules were developed on it, so these are development-set
 * numbers; the TempEval-3 test set is not in ../shared/data):
 *   lede   strict F1 0.8452, relaxed F1 0.9390, value F1 0.8094, value accuracy 0.8620, type accuracy 0.9555
 *   chrono strict F1 0.5042, relaxed F1 0.7479, value F1 0.4855, value accuracy 0.6492
 *   (--split TimeBank: relaxed 0.9406, value 0.8266; --split AQUAINT: relaxed 0.9356, value 0.7729)
 */

import { anchoringPublished, type Doc, makeSpan, type Span, type Stage } from '../../model/index.js';
import { type Day, parseDay } from './calendar.js';
import { createTimexFinder, type TimexFinder, type TimexFinding } from './find-timexes.js';

export type { Day } from './calendar.js';
export { addDays, formatDay, parseDay } from './calendar.js';
export { englishCalendarWords } from './calendar-words.js';
export { findTimexesWithChrono } from './chrono-baseline.js';
export type { TimexFinder, TimexFinding } from './find-timexes.js';
export { createTimexFinder, tenseAround } from './find-timexes.js';

const STAGE = 'nlp/timex';
// 3: four digits in a clock time, a street number or a run of figures are no year.
const VERSION = 3;

export function createTimexStage(finder: TimexFinder = createTimexFinder()): Stage<'sentences', 'timexes'> {
  return {
    name: STAGE,
    version: VERSION,
    requires: ['sentences'],
    produces: ['timexes'],
    run: (doc: Readonly<Doc>) => {
      const published = anchoringPublished(doc.meta);
      const anchor = parseDay(published?.value);
      const anchorKind = !anchor ? 'none' : published?.estimated ? 'estimated' : 'published';
      return { timexes: timexSpans(finder.find(doc.text, anchor), anchorKind) };
    },
  };
}

/** Spans for findings; `anchor` records whether relative values rest on a stated, estimated or no date. */
export function timexSpans(findings: TimexFinding[], anchor: 'published' | 'estimated' | 'none'): Span[] {
  return findings.map((finding) =>
    makeSpan(
      'timexes',
      finding.start,
      finding.end,
      finding.type,
      { stage: STAGE, version: VERSION, rule: finding.rule },
      { value: finding.value, ...(finding.mod ? { mod: finding.mod } : {}), anchor },
    ),
  );
}

/** Re-reads a text's timexes against a given day (used when the document date is only estimated). */
export function findTimexesAt(
  text: string,
  anchor: Day | undefined,
  finder: TimexFinder = createTimexFinder(),
): TimexFinding[] {
  return finder.find(text, anchor);
}
