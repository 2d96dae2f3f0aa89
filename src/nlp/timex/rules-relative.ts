import { anaphoricRule } from './anaphora.js';
import { alternation } from './lexicon.js';
import { parseNumber } from './numbers.js';
import { pad, resolveMonthDay, resolveRelative, resolveSeason } from './resolve.js';
import type { RulePatterns } from './rule-patterns.js';
import { durationValue, GRANULARITY, modOf, unitCode } from './rule-patterns.js';
import type { TimexRule } from './timex-types.js';

/** Vague and relative references: `recently`, `last month`, `this spring`, `two years ago`. */
export function relativeRules(patterns: RulePatterns): TimexRule[] {
  const { MONTH, SEASON, UNIT, NUMBER, VAGUE, APPROX, re, lexicon } = patterns;
  return [
    {
      name: 'fuzzy',
      pattern: re(`(?<![\\w-])(${alternation(Object.keys(lexicon.fuzzy)).slice(3, -1)})(?![\\w-])`),
      build: (m) => ({
        type: 'DATE',
        value: lexicon.fuzzy[(m[1] as string).toLowerCase().replace(/\s+/g, ' ')] ?? 'PAST_REF',
      }),
    },
    {
      name: 'fuzzy-recent',
      pattern: re(
        `(?:[Rr]ecent|[Pp]ast|[Cc]oming|[Ff]uture)\\s+(?:years|months|weeks|days|decades|quarters)(?:\\s+and\\s+(?:years|months|weeks|days))?(?!\\w)`,
      ),
      build: (m) => {
        if (/^(coming|future)/i.test(m[0])) return { type: 'DATE', value: 'FUTURE_REF' };
        // TimeBank marks `recent months` as a vague duration but `recent years` as a past reference.
        const unit = /^recent\s+(months|weeks|days)$/i.exec(m[0]);
        return unit
          ? { type: 'DURATION', value: durationValue(unitCode(lexicon, unit[1] as string), undefined) }
          : { type: 'DATE', value: 'PAST_REF' };
      },
    },
    anaphoricRule,
    {
      name: 'relative-unit',
      pattern: re(
        `(?:(${alternation(['early', 'earlier', 'late', 'later', 'mid', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'the rest of', 'the end of the', 'the start of the']).slice(3, -1)})[\\s-]+)?(${alternation(['this', 'last', 'next', 'the coming', 'the current', 'the previous', 'the following', 'this past', 'this coming', 'the past', 'the last', 'the next', 'current', 'coming']).slice(3, -1)})\\s+(${alternation(['year', 'month', 'week', 'quarter', 'decade', 'century', 'weekend', 'fiscal year']).slice(3, -1)}|${SEASON.slice(3, -1)}|${MONTH})(?![\\w-])`,
      ),
      build: (m, context) => {
        const relation = (m[2] as string).toLowerCase().replace(/\s+/g, ' ');
        const target = (m[3] as string).toLowerCase();
        const mod = modOf(m[1]?.replace(/ the$/i, ''));
        const offset = ['last', 'the previous', 'this past'].includes(relation)
          ? -1
          : ['next', 'the coming', 'the following', 'this coming', 'coming'].includes(relation)
            ? 1
            : 0;
        if ((relation === 'the past' || relation === 'the last') && target === 'year')
          return { type: 'DATE', value: resolveRelative('Y', -1, context.anchor) };
        if (relation === 'the past' || relation === 'the last' || relation === 'the next') {
          const code = lexicon.units[target] ?? 'Y';
          return { type: 'DURATION', value: durationValue(code, 1) };
        }
        const monthNumber = lexicon.months[target];
        if (monthNumber) {
          if (offset === 0 && context.anchor)
            return { type: 'DATE', value: `${context.anchor.year}-${pad(monthNumber)}`, mod };
          const direction = offset < 0 ? 'last' : 'next';
          return { type: 'DATE', value: resolveMonthDay(monthNumber, undefined, context, direction), mod };
        }
        const season = lexicon.seasons[target];
        if (season) {
          const seasonOffset = offset < 0 && context.anchor && relation !== 'this past' ? -1 : offset;
          return {
            type: 'DATE',
            value: resolveSeason(season, relation === 'this past' ? 0 : seasonOffset, context.anchor),
            mod,
          };
        }
        const code = target === 'fiscal year' ? 'Y' : (lexicon.units[target] ?? 'Y');
        const granularity = GRANULARITY[code] ?? 'Y';
        return { type: 'DATE', value: resolveRelative(granularity, offset, context.anchor), mod };
      },
    },
    {
      name: 'ago',
      pattern: re(
        `${APPROX}(${NUMBER}|${VAGUE})\\s+(${UNIT})\\s+(${alternation(['ago', 'earlier', 'later', 'from now', 'hence', 'before', 'after']).slice(3, -1)})(?![\\w-]|\\s+(?:than|the|a|an|his|her|its|their|that|this)\\b)`,
      ),
      build: (m, context) => {
        const count = parseNumber(m[2] as string, lexicon);
        const code = unitCode(lexicon, m[3] as string);
        const word = (m[4] as string).toLowerCase();
        const direction = /ago|earlier|before/.test(word) ? -1 : 1;
        const granularity = GRANULARITY[code.startsWith('T') ? 'D' : code] ?? 'D';
        // `three days later`, `a day earlier`: counted from a narrated moment, not from the document date,
        // so TimeML keeps them durations; only `ago` (and a year earlier in reports) is a date.
        if (word !== 'ago' && !(word === 'earlier' && (code === 'Y' || code === 'Q')))
          return { type: 'DURATION', value: durationValue(code, count), mod: modOf(m[1]) };
        if (count === undefined || !Number.isInteger(count))
          return { type: 'DATE', value: direction < 0 ? 'PAST_REF' : 'FUTURE_REF' };
        // Earnings reports compare with the same quarter a year before: `a year ago` is that quarter.
        if (code === 'Y' && count === 1 && direction < 0 && /\bquarter/i.test(context.sentence ?? ''))
          return { type: 'DATE', value: resolveRelative('Q', -5, context.anchor) };
        return {
          type: 'DATE',
          value: resolveRelative(granularity, direction * count, context.anchor),
          mod: modOf(m[1]),
        };
      },
    },
  ];
}
