import { weekday } from './calendar.js';
import { alternation } from './lexicon.js';
import { anchorDay, pad, resolveMonthDay, resolveRelative } from './resolve.js';
import type { RulePatterns } from './rule-patterns.js';
import { durationValue, modOf, unitCode, ZONE } from './rule-patterns.js';
import type { TimexRule } from './timex-types.js';

/** Sets (`every Monday`), clock times, spoken years, weekends, centuries and holidays. */
export function recurringAndClockRules(patterns: RulePatterns): TimexRule[] {
  const { MONTH, WEEKDAY, PART, UNIT, TENS, TEENS, ONES, PRE, month, day, re, lexicon } = patterns;
  return [
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
      // `1650 GMT`, `1700 local time`: a 24-hour clock in news copy, not a year. In brackets after
      // another time (`10:35 a.m. (0735 GMT)`) it is that time converted, not a time of its own.
      name: 'clock-24h',
      pattern: re(`(?<![\\w:.$£€])([01]\\d|2[0-3])([0-5]\\d)\\s*(?:${ZONE}|BST|CET)(?![\\w])`),
      build: (m, context) =>
        /(?:\d|[ap]\.?m\.?|[A-Z]{3}|time)\s*\(\s*$/.test(context.before ?? '')
          ? undefined
          : { type: 'TIME', value: `${anchorDay(context)}T${m[1]}:${m[2]}` },
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
