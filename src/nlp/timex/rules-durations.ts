import { alternation } from './lexicon.js';
import { parseNumber } from './numbers.js';
import { resolveQuarter, resolveRelative } from './resolve.js';
import type { RulePatterns } from './rule-patterns.js';
import { durationValue, halfMoreDuration, modOf, RATE_BEFORE, unitCode, YEAR } from './rule-patterns.js';
import type { TimexRule } from './timex-types.js';

/** Durations and parts of the year: `three weeks`, `the second quarter`, `the first half`. */
export function durationRules(patterns: RulePatterns): TimexRule[] {
  const { UNIT, NUMBER, VAGUE, APPROX, re, lexicon } = patterns;
  return [
    {
      name: 'duration',
      pattern: re(
        `(?:(?:[Tt]he|[Aa]n?)\\s+)?(?:(${alternation(['past', 'last', 'next', 'first', 'final', 'coming', 'previous', 'following', 'latest', 'initial', 'remaining', 'entire', 'whole', 'full', 'same', 'other', 'additional', 'further', 'another']).slice(3, -1)})\\s+)?${APPROX}(${NUMBER}|${VAGUE})(\\s+1/2)?(?:\\s+|-)(${UNIT})(\\s+and\\s+a\\s+half)?(?![\\w])(?!-old|\\s+old\\b)`,
      ),
      build: (m, context) => {
        if (/^an?\s/i.test(m[0]) && RATE_BEFORE.test(context.before ?? '')) return undefined;
        const count = parseNumber(m[3] as string, lexicon);
        const unit = m[5] as string;
        // `the 1988 quarter`, `its 1990 model year`: a year naming a period, not a count of units.
        if (count !== undefined && /^(?:1[6-9]|20)\d\d$/.test(m[3] as string) && !/s$/i.test(unit)) return undefined;
        const code = unitCode(lexicon, unit);
        const value =
          (m[4] ?? m[6]) && count !== undefined ? halfMoreDuration(code, count) : durationValue(code, count);
        return { type: 'DURATION', value, mod: modOf(m[2]) };
      },
    },
    {
      name: 'duration-plural',
      pattern: re(
        `(?<=\\b(?:for|over|within|take|takes|took|taken|lasted|last|spent|spend)\\s+)(${alternation(['years', 'months', 'weeks', 'days', 'decades', 'hours', 'minutes', 'centuries']).slice(3, -1)})(?![\\w])`,
      ),
      build: (m) => ({ type: 'DURATION', value: durationValue(unitCode(lexicon, m[1] as string), undefined) }),
    },
    {
      name: 'quarter',
      pattern: re(
        `(?:(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir|[Tt]his|[Ll]ast|[Nn]ext)(?:\\s+year['’]s)?\\s+)?(?:((?:${alternation(['flat', 'strong', 'weak', 'fiscal', 'latest', 'current', 'year-earlier', 'year-ago', 'same', 'disappointing', 'sluggish', 'record']).slice(3, -1)})\\s+)*)(?:((?:19|20)\\d\\d)\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|First|Second|Third|Fourth)[\\s-]+(?:fiscal\\s+)?quarter(?:\\s+of\\s+(?:fiscal\\s+)?${YEAR})?(?![\\w])`,
      ),
      build: (m, context) => {
        const quarter = lexicon.ordinals[(m[3] as string).toLowerCase()] ?? 1;
        const year = m[2] ?? m[4];
        if (year) return { type: 'DATE', value: `${year}-Q${quarter}` };
        // `last year's fourth quarter`, `next year's first quarter`: the determiner moves the year.
        const before = /year-(earlier|ago)/i.test(m[0]) || /^last\b/i.test(m[0]) ? -1 : /^next\b/i.test(m[0]) ? 1 : 0;
        return { type: 'DATE', value: resolveQuarter(quarter, context, before) };
      },
    },
    {
      name: 'the-quarter',
      pattern: re(
        `(?:[Tt]he|[Ii]ts|[Tt]heir)\\s+(?:(${alternation(['latest', 'current', 'recent', 'most recent', 'year-earlier', 'year-ago', 'previous', 'just-ended', 'fiscal', 'latest fiscal', 'same', 'comparable', 'corresponding', 'comparable year-ago', 'comparable year-earlier']).slice(3, -1)})\\s+)?(?:((?:19|20)\\d\\d)\\s+)?(quarter|period)(?![\\w-])`,
      ),
      build: (m, context) => {
        const which = m[1]?.toLowerCase() ?? '';
        if (m[3] === 'period' && !m[2] && !/year-(earlier|ago)|latest|comparable|corresponding|same/.test(which))
          return undefined;
        if (m[2]) {
          const last = resolveRelative('Q', -1, context.anchor);
          return { type: 'DATE', value: `${m[2]}-${last.slice(5) || 'QX'}` };
        }
        if (which === 'current') return { type: 'DATE', value: resolveRelative('Q', 0, context.anchor) };
        const yearsBack = /year-(earlier|ago)|same|comparable|corresponding/.test(which)
          ? 4
          : which === 'previous'
            ? 1
            : 0;
        return { type: 'DATE', value: resolveRelative('Q', -1 - yearsBack, context.anchor) };
      },
    },
    {
      name: 'year-ago',
      pattern: re(`(?:[Tt]he\\s+)?(?:[Yy]ear-(?:earlier|ago)|[Yy]ear\\s+(?:earlier|ago))(?![\\w-])`),
      build: (_m, context) =>
        /\bquarter/i.test(context.sentence ?? '')
          ? { type: 'DATE', value: resolveRelative('Q', -5, context.anchor) }
          : { type: 'DATE', value: resolveRelative('Y', -1, context.anchor) },
    },
    {
      name: 'half',
      pattern: re(
        `(?:[Tt]he\\s+)?(first|second|last|latter)\\s+half(?:\\s+of\\s+(?:${YEAR}|(this|last|next|the)\\s+year))?(?![\\w])`,
      ),
      build: (m, context) => {
        const half = m[1]?.toLowerCase() === 'first' ? 1 : 2;
        const year =
          m[2] ??
          (m[3]
            ? resolveRelative('Y', m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0, context.anchor)
            : resolveRelative('Y', 0, context.anchor));
        return { type: 'DATE', value: `${year}-H${half}` };
      },
    },
    {
      name: 'the-year',
      pattern: re(
        `(?:[Tt]he\\s+)(?:(?:full|fiscal|calendar|current)\\s+)?year(?![\\w'’-]|\\s+(?:before|after|earlier|ago|later|of|in|when|that|since)\\b)(?=(\\s+end(?:ed|ing)\\b)?)`,
      ),
      // `the year ended March 31` is a twelve-month span closing on that day (a fiscal year), not a
      // calendar year; otherwise `for the year`, `the full year` is the year of the report.
      build: (m, context) =>
        m[1] ? { type: 'DURATION', value: 'P1Y' } : { type: 'DATE', value: resolveRelative('Y', 0, context.anchor) },
    },
  ];
}
