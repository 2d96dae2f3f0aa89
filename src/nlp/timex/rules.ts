/**
 * The recognition rules: each is a regular expression over the text and a function from its match to a
 * TIMEX3 type and value. Overlaps are settled afterwards (longest wins), so a rule may match
 * generously. Word lists come from data/timex/lexicon.json.
 */
import type { TimexLexicon } from './lexicon.js';
import { rulePatterns } from './rule-patterns.js';
import { calendarRules } from './rules-calendar.js';
import { durationRules } from './rules-durations.js';
import { recurringAndClockRules } from './rules-other.js';
import { relativeRules } from './rules-relative.js';
import type { TimexRule } from './timex-types.js';

export { durationValue, halfMoreDuration } from './rule-patterns.js';
export type { TimexRule, TimexValue } from './timex-types.js';

/** Every rule, in the order overlaps have always been settled in. */
export function createTimexRules(lexicon: TimexLexicon): TimexRule[] {
  const patterns = rulePatterns(lexicon);
  return [
    ...calendarRules(patterns),
    ...relativeRules(patterns),
    ...durationRules(patterns),
    ...recurringAndClockRules(patterns),
  ];
}
