/**
 * The recognition rules: each is a regular expression over the text and a function from its match to a
 * TIMEX3 type and value. Overlaps are settled afterwards (longest wins), so a rule may match
 * generously. Word lists come from data/timex/lexicon.json.
 */
import { anaphoricRule } from './anaphora.js';
import { weekday } from './calendar.js';
import { alternation, capitalisedAlternation, type TimexLexicon } from './lexicon.js';
import { parseNumber } from './numbers.js';
import {
  anchorDay,
  type Granularity,
  pad,
  resolveMonthDay,
  resolveQuarter,
  resolveRelative,
  resolveSeason,
  resolveWeekday,
} from './resolve.js';
import type { TimexRule } from './timex-types.js';

export type { TimexRule, TimexValue } from './timex-types.js';

const YEAR = '((?:1[6-9]|20)\\d\\d)';
/** `four flights a week`, `$1.76 a year`: a rate, not a duration. */
const RATE_BEFORE =
  /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|thrice|times|once))\S*\s+(?:\S+\s+)?$/i;
const NOT_BEFORE = '(?<![\\w$£€.,/-])';
const NOT_AFTER = '(?![\\w%]|[.,]\\d|-\\d)';
/** A time zone after a clock time (`5 p.m. EST`): part of the expression, read as local time. */
const ZONE = '(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local time)';

const MODS: Record<string, string> = {
  early: 'START',
  'the beginning of': 'START',
  'the start of': 'START',
  late: 'END',
  'the end of': 'END',
  mid: 'MID',
  'the middle of': 'MID',
  'the first half of': 'START',
  'the second half of': 'END',
  about: 'APPROX',
  around: 'APPROX',
  roughly: 'APPROX',
  approximately: 'APPROX',
  some: 'APPROX',
  nearly: 'EQUAL_OR_LESS',
  almost: 'EQUAL_OR_LESS',
  'less than': 'LESS_THAN',
  under: 'LESS_THAN',
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE',
  'up to': 'EQUAL_OR_LESS',
};

function modOf(word: string | undefined): string | undefined {
  return word ? MODS[word.toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

function lookup(table: Record<string, number>, word: string): number {
  return table[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function unitCode(lexicon: TimexLexicon, word: string): string {
  const singular = word.toLowerCase().replace(/s$/, '');
  return lexicon.units[singular] ?? lexicon.units[word.toLowerCase()] ?? 'D';
}

/** `P2Y`, `PT24H`, `PXD`: a duration of `count` units (undefined count = unknown, X). */
export function durationValue(code: string, count: number | undefined): string {
  const amount = count === undefined ? 'X' : String(count);
  if (code === 'WE') return `P${amount}WE`;
  if (code === '2W') return count === undefined ? 'PXW' : `P${count * 2}W`;
  return code.startsWith('T') ? `PT${amount}${code[1]}` : `P${amount}${code}`;
}

/**
 * `2 1/2 years` → P2Y6M, `a minute and a half` → PT1M30S: the half in the next smaller unit where it
 * is a whole number of them, else a decimal fraction (ISO 8601 allows one on the last component).
 */
export function halfMoreDuration(code: string, count: number): string {
  const whole = Math.floor(count);
  const smaller: Record<string, string> = {
    Y: `${whole}Y6M`,
    D: `${whole}DT12H`,
    TH: `T${whole}H30M`,
    TM: `T${whole}M30S`,
  };
  const spelled = smaller[code];
  if (spelled) return `P${spelled}`;
  return durationValue(code, count + 0.5);
}

const GRANULARITY: Record<string, Granularity> = {
  D: 'D',
  W: 'W',
  WE: 'WE',
  M: 'M',
  Q: 'Q',
  Y: 'Y',
  E: 'E',
  C: 'C',
};

export function createTimexRules(lexicon: TimexLexicon): TimexRule[] {
  const fullMonths = Object.keys(lexicon.months).filter(
    (name) => name.length > 4 || name === 'may' || name === 'june' || name === 'july',
  );
  const shortMonths = Object.keys(lexicon.months).filter((name) => !fullMonths.includes(name));
  const MONTH = `(?:${capitalisedAlternation(fullMonths).slice(3, -1)}|${capitalisedAlternation(shortMonths)}\\.)`;
  const MONTH_ANY = `(?:${capitalisedAlternation(fullMonths).slice(3, -1)}|${capitalisedAlternation(shortMonths)}\\.?)`;
  const fullDays = Object.keys(lexicon.weekdays).filter((name) => name.endsWith('day'));
  const shortDays = Object.keys(lexicon.weekdays).filter((name) => !name.endsWith('day'));
  const WEEKDAY = `(?:${capitalisedAlternation(fullDays).slice(3, -1)}|${capitalisedAlternation(shortDays)}\\.)`;
  const SEASON = alternation(Object.keys(lexicon.seasons));
  const PART = alternation(Object.keys(lexicon.partsOfDay));
  const UNIT = `${alternation(['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'centurie', 'millennium', 'weekend'])}s?`;
  const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
  const TEENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
  const ONES = '(?:one|two|three|four|five|six|seven|eight|nine)';
  const WORD_NUMBER = `(?:${TENS}(?:[- ]${ONES})?|${alternation(Object.keys(lexicon.numbers).filter((w) => !['hundred', 'thousand'].includes(w))).slice(3, -1)})`;
  const NUMBER = `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|(?:${WORD_NUMBER})(?:[- ](?:hundred|thousand))?|[Tt]wenty[- ]${ONES})`;
  const VAGUE = alternation(lexicon.vagueNumbers);
  const PRE = `(?:(${alternation(['early', 'late', 'mid', 'the beginning of', 'the start of', 'the end of', 'the middle of', 'the first half of', 'the second half of']).slice(3, -1)})[\\s-]+)?`;
  const APPROX = `(?:(${alternation(['about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'less than', 'more than', 'at least', 'up to', 'some', 'over', 'under']).slice(3, -1)})\\s+)?`;
  const month = (word: string) => lookup(lexicon.months, word);
  const day = (word: string) => lookup(lexicon.weekdays, word);
  const re = (source: string) => new RegExp(source, 'g');

  return [
    {
      name: 'date-month-day',
      pattern: re(
        `(?:([Ll]ast|[Nn]ext)\\s+)?(?:(${WEEKDAY}),?\\s+)?(${MONTH_ANY})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?(?![\\w]|:\\d|,\\d)`,
      ),
      build: (m, context) => {
        const mo = month(m[3] as string);
        const d = Number(m[4]);
        if (d < 1 || d > 31) return undefined;
        // `last Oct. 23`: the most recent one before the document date, `next May 5` the first after it.
        const relation = m[1] ? (m[1].toLowerCase() as 'last' | 'next') : undefined;
        const value = m[5] ? `${m[5]}-${pad(mo)}-${pad(d)}` : resolveMonthDay(mo, d, context, relation);
        return { type: 'DATE', value };
      },
    },
    {
      name: 'date-day-month',
      pattern: re(
        `(?:(${WEEKDAY}),?\\s+)?(?:[Tt]he\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ANY})(?:,?\\s+${YEAR})?(?![\\w])`,
      ),
      build: (m, context) => {
        const mo = month(m[3] as string);
        const d = Number(m[2]);
        if (d < 1 || d > 31) return undefined;
        const value = m[4] ? `${m[4]}-${pad(mo)}-${pad(d)}` : resolveMonthDay(mo, d, context);
        return { type: 'DATE', value };
      },
    },
    {
      // `on April 24 and 25`: the second day takes the month (and year) of the first.
      name: 'date-coordinated-day',
      pattern: re(
        `(?<=(${MONTH_ANY})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+)(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?(?![\\w%$]|:\\d|[.,]\\d)`,
      ),
      build: (m, context) => {
        const mo = month(m[1] as string);
        const d = Number(m[2]);
        if (d < 1 || d > 31) return undefined;
        return { type: 'DATE', value: m[3] ? `${m[3]}-${pad(mo)}-${pad(d)}` : resolveMonthDay(mo, d, context) };
      },
    },
    {
      name: 'date-numeric',
      pattern: re(`${NOT_BEFORE}(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))(?![\\w/])`),
      build: (m) =>
        m[1]
          ? { type: 'DATE', value: `${m[1]}-${m[2]}-${m[3]}` }
          : { type: 'DATE', value: `${m[6]}-${pad(Number(m[4]))}-${pad(Number(m[5]))}` },
    },
    {
      name: 'month-year',
      pattern: re(`${PRE}(${MONTH})(?:,?\\s+|\\s+of\\s+)${YEAR}${NOT_AFTER}`),
      build: (m) => ({ type: 'DATE', value: `${m[3]}-${pad(month(m[2] as string))}`, mod: modOf(m[1]) }),
    },
    {
      name: 'month',
      pattern: re(`${PRE}(${MONTH})(?![\\w])`),
      build: (m, context) => {
        const name = m[2] as string;
        if (
          name === 'May' &&
          !m[1] &&
          !/\b(?:in|of|since|until|till|by|from|to|through|during|before|after|last|this|next|early|late|mid)\s+$/i.test(
            context.before ?? '',
          )
        )
          return undefined;
        return { type: 'DATE', value: resolveMonthDay(month(name), undefined, context), mod: modOf(m[1]) };
      },
    },
    {
      name: 'year',
      pattern: re(`${NOT_BEFORE}${PRE}(?:([Ff]iscal|FY)\\s*)?${YEAR}${NOT_AFTER}`),
      build: (m) => ({ type: 'DATE', value: m[3] as string, mod: modOf(m[1]) }),
    },
    {
      name: 'decade',
      pattern: re(`(?:[Tt]he\\s+)?${PRE}((?:1[6-9]|20)\\d)0['’]?s(?!\\w)`),
      build: (m) => ({ type: 'DATE', value: m[2] as string, mod: modOf(m[1]) }),
    },
    {
      name: 'weekday',
      pattern: re(
        `(?:(${alternation(['last', 'this', 'next', 'the previous', 'the following', 'this past', 'this coming', 'early', 'late']).slice(3, -1)})\\s+)?(${WEEKDAY})(?:\\s+(${PART.slice(3, -1)}))?(?![\\w])`,
      ),
      build: (m, context) => {
        const relation = m[1]?.toLowerCase();
        const direction =
          relation === 'last' || relation === 'the previous' || relation === 'this past'
            ? 'last'
            : relation === 'next' || relation === 'the following' || relation === 'this coming'
              ? 'next'
              : undefined;
        const value = resolveWeekday(day(m[2] as string), context, direction);
        if (m[3]) return { type: 'TIME', value: `${value}T${lexicon.partsOfDay[m[3].toLowerCase()]}` };
        return { type: 'DATE', value, mod: modOf(relation) };
      },
    },
    {
      name: 'deictic-day',
      pattern: re(
        `(?:(${alternation(['early', 'late']).slice(3, -1)})\\s+)?(${alternation(['today', 'tonight', 'yesterday', 'tomorrow', 'this', 'last']).slice(3, -1)})(?:\\s+(${PART.slice(3, -1)}))?(?![\\w-])`,
      ),
      build: (m, context) => {
        const word = (m[2] as string).toLowerCase();
        const part = m[3]?.toLowerCase();
        if ((word === 'this' || word === 'last') && !part) return undefined;
        const offset = word === 'yesterday' || (word === 'last' && part === 'night') ? -1 : word === 'tomorrow' ? 1 : 0;
        const date = resolveRelative('D', offset, context.anchor);
        if (word === 'tonight') return { type: 'TIME', value: `${date}TNI` };
        if (part) return { type: 'TIME', value: `${date}T${lexicon.partsOfDay[part]}` };
        return { type: 'DATE', value: date, mod: modOf(m[1]) };
      },
    },
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
    {
      name: 'set-word',
      pattern: re(`(?<![\\w-])(${alternation(Object.keys(lexicon.sets)).slice(3, -1)})(?![\\w-])`),
      build: (m) => ({ type: 'SET', value: lexicon.sets[(m[1] as string).toLowerCase()] ?? 'P1D' }),
    },
    {
      name: 'set-every',
      pattern: re(
        `(?:[Ee]very|[Ee]ach|[Pp]er)\\s+(?:(other)\\s+)?(?:(${WEEKDAY})|(${MONTH})|(${UNIT})|(${PART.slice(3, -1)}))(?![\\w])`,
      ),
      build: (m) => {
        const step = m[1] ? 2 : 1;
        if (m[2]) return { type: 'SET', value: `XXXX-WXX-${day(m[2])}` };
        if (m[3]) return { type: 'SET', value: `XXXX-${pad(month(m[3]))}` };
        if (m[5]) return { type: 'SET', value: `TXX${lexicon.partsOfDay[m[5].toLowerCase()]}` };
        return { type: 'SET', value: durationValue(unitCode(lexicon, m[4] as string), step) };
      },
    },
    {
      name: 'clock',
      pattern: re(
        `(?<![\\w:.])(\\d{1,2})(?::(\\d\\d))?\\s*(?:([ap])\\.?\\s?m(?:\\.?(?=\\s+${ZONE})|\\.(?!\\s+[A-Z]|\\s*$))?|(noon|midnight|o'clock))(?:\\s+${ZONE})?(?![\\w])|(?<![\\w])(?:[Nn]oon|[Mm]idnight)(?![\\w])`,
      ),
      build: (m, context) => {
        if (!m[1]) return { type: 'TIME', value: `${anchorDay(context)}T${/noon/i.test(m[0]) ? '12:00' : '24:00'}` };
        let hour = Number(m[1]);
        if (hour > 12 && m[3]) return undefined;
        if (m[3]?.toLowerCase() === 'p' && hour < 12) hour += 12;
        if (m[3]?.toLowerCase() === 'a' && hour === 12) hour = 0;
        return { type: 'TIME', value: `${anchorDay(context)}T${pad(hour)}:${m[2] ?? '00'}` };
      },
    },
    {
      name: 'spoken-year',
      pattern: re(
        `(?:[Tt]he\\s+year\\s+)?(?:([Nn]ineteen|[Tt]wenty)[\\s-]+(?:(${TEENS})|(${TENS})(?:[\\s-](${ONES}))?|(hundred))|[Tt]wo\\s+thousand(?:\\s+(?:and\\s+)?(${ONES}|${TEENS}))?)(?![\\w-])`,
      ),
      build: (m) => {
        const words = lexicon.numbers;
        if (!m[1]) return { type: 'DATE', value: String(2000 + (m[6] ? (words[m[6].toLowerCase()] ?? 0) : 0)) };
        const century = m[1].toLowerCase() === 'nineteen' ? 1900 : 2000;
        const rest = m[2]
          ? (words[m[2].toLowerCase()] ?? 0)
          : m[3]
            ? (words[m[3].toLowerCase()] ?? 0) + (m[4] ? (words[m[4].toLowerCase()] ?? 0) : 0)
            : 0;
        if (!m[3] && !m[2] && !m[5]) return undefined;
        return { type: 'DATE', value: String(century + rest) };
      },
    },
    {
      name: 'weekend',
      pattern: re(`(?:[Tt]he|[Tt]his)\\s+weekend(?![\\w-])`),
      build: (_m, context) => {
        const weekendNow = context.anchor ? weekday(context.anchor) >= 6 : false;
        const offset = context.tense === 'future' || weekendNow ? 0 : -1;
        return { type: 'DATE', value: resolveRelative('WE', offset, context.anchor) };
      },
    },
    {
      name: 'year-end',
      pattern: re(`(?:[Yy]ear[- ]end|[Yy]ear['’]s\\s+end|[Tt]he\\s+end\\s+of\\s+the\\s+(year|month))(?![\\w-])`),
      build: (m, context) => ({
        type: 'DATE',
        value: resolveRelative(m[1] === 'month' ? 'M' : 'Y', 0, context.anchor),
        mod: 'END',
      }),
    },
    {
      name: 'the-week',
      pattern: re(
        `[Tt]he\\s+week(?![\\w-]|\\s+(?:before|after|of|earlier|ago|later|that|in|when|following|ending|ended|to)\\b)`,
      ),
      build: (_m, context) => ({ type: 'DATE', value: resolveRelative('W', 0, context.anchor) }),
    },
    {
      name: 'century',
      pattern: re(`(?:[Tt]he\\s+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+[Cc]entury(?![\\w])`),
      build: (m) => ({ type: 'DATE', value: pad(Number(m[1]) - 1) }),
    },
    {
      name: 'month-relative-year',
      pattern: re(`${PRE}(${MONTH})\\s+(?:of\\s+)?(this|last|next)\\s+year(?![\\w])`),
      build: (m, context) => {
        const offset = m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0;
        const year = resolveRelative('Y', offset, context.anchor);
        return { type: 'DATE', value: `${year}-${pad(month(m[2] as string))}`, mod: modOf(m[1]) };
      },
    },
    {
      name: 'holiday',
      pattern: re(
        `(?:(${alternation(['last', 'this', 'next']).slice(3, -1)})\\s+)?(Christmas(?:\\s+Day|\\s+Eve)?|New\\s+Year['’]s(?:\\s+Day|\\s+Eve)?|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|Halloween|Election\\s+Day)(?![\\w])`,
      ),
      build: (m, context) => {
        const name = (m[2] as string).toLowerCase().replace(/\s+/g, ' ');
        const holiday = HOLIDAYS.find(([prefix]) => name.startsWith(prefix));
        if (!holiday) return undefined;
        const relation = m[1]?.toLowerCase() === 'last' ? 'last' : m[1]?.toLowerCase() === 'next' ? 'next' : undefined;
        return { type: 'DATE', value: resolveMonthDay(holiday[1], holiday[2], context, relation) };
      },
    },
  ];
}

/** The n-th given weekday (ISO, Monday 1) of a month: `Thanksgiving` is the fourth Thursday of November. */
function nthWeekday(month: number, isoWeekday: number, n: number): (year: number) => number {
  return (year) => {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay() || 7;
    return 1 + ((isoWeekday - first + 7) % 7) + (n - 1) * 7;
  };
}

/** Holidays by the start of their name (longest first): month and day, or the day as a function of the year. */
const HOLIDAYS: [string, number, number | ((year: number) => number)][] = [
  ['christmas eve', 12, 24],
  ['christmas', 12, 25],
  ["new year's eve", 12, 31],
  ['new year’s eve', 12, 31],
  ['new year', 1, 1],
  ['independence', 7, 4],
  ['halloween', 10, 31],
  ['thanksgiving', 11, nthWeekday(11, 4, 4)],
  // US federal elections: the Tuesday after the first Monday of November.
  ['election', 11, (year) => nthWeekday(11, 1, 1)(year) + 1],
];
