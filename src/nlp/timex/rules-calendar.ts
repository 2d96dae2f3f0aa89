import { isCalendarDay } from './calendar.js';
import { alternation } from './lexicon.js';
import { pad, resolveMonthDay, resolveRelative, resolveWeekday } from './resolve.js';
import type { RulePatterns } from './rule-patterns.js';
import { modOf, NOT_AFTER, NOT_BEFORE, YEAR } from './rule-patterns.js';
import type { TimexRule } from './timex-types.js';

/**
 * Four digits that are no year: a clock time (`1600 GMT`, `1600 est/2100 gmt`, `2200 hrs`) or a street
 * number (`1600 Pennsylvania Avenue`).
 */
const ZONES = ['GMT', 'UTC', 'BST', 'CET', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT'];
const CLOCK_AFTER = [...ZONES, ...ZONES.map((zone) => zone.toLowerCase()), 'hrs', 'hours', 'local time'].join('|');
const STREET_AFTER = '(?:\\s+[A-Z][a-z]+)+\\s+(?:Avenue|Street|Road|Boulevard|Lane|Drive|Square)';
const NO_YEAR_AFTER = `(?!\\s*(?:${CLOCK_AFTER})(?![\\w])|${STREET_AFTER}(?![\\w]))`;
const YEAR_ALONE = new RegExp(`^${YEAR}$`);
/** An index level a change in points reaches (`fell 508 points to 1738`, `up 15 points at 1854`). */
const NO_YEAR_BEFORE = '(?<!\\bpoints?\\s+(?:to|at)\\s+)';

/**
 * One number of a run of figures (`T 1405 1755(1430 1695)`) is no year unless the whole run is years
 * (a table's `1987 1986` columns).
 */
function inRunOfFigures(text: string, start: number, end: number): boolean {
  // A list of years (`1984, 1985 and 1986`) is years: separators are not part of the figure.
  const before = /(\d(?:[\d,.]*\d)?)[,;]?\)?\s*\(?$/u.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  // A figure, not an ordinal or a unit run on (`1986 4th qtr`).
  const after = /^\)?\s*\(?(\d[\d,.]*)(?![\p{L}\d])/u.exec(text.slice(end, end + 16))?.[1];
  const notYear = (figure: string | undefined) => figure !== undefined && !YEAR_ALONE.test(figure);
  return notYear(before) || notYear(after);
}

/** Calendar dates: month and day, numeric dates, months, years, decades, weekdays, `today`. */
export function calendarRules(patterns: RulePatterns): TimexRule[] {
  const { MONTH, MONTH_ANY, WEEKDAY, PART, PRE, month, day, re, lexicon } = patterns;
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
      build: (m) => {
        if (m[1]) {
          return isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))
            ? { type: 'DATE', value: `${m[1]}-${m[2]}-${m[3]}` }
            : undefined;
        }
        // Month first, as American English writes it, unless only day first makes a real day (26/11/2019).
        const [first, second, year] = [Number(m[4]), Number(m[5]), Number(m[6])];
        if (isCalendarDay(year, first, second)) return { type: 'DATE', value: `${year}-${pad(first)}-${pad(second)}` };
        if (isCalendarDay(year, second, first)) return { type: 'DATE', value: `${year}-${pad(second)}-${pad(first)}` };
        return undefined;
      },
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
      pattern: re(`${NOT_BEFORE}${NO_YEAR_BEFORE}${PRE}(?:([Ff]iscal|FY)\\s*)?${YEAR}${NOT_AFTER}${NO_YEAR_AFTER}`),
      build: (m) => {
        const end = m.index + m[0].length;
        if (inRunOfFigures(m.input, end - 4, end)) return undefined;
        return { type: 'DATE', value: m[3] as string, mod: modOf(m[1]) };
      },
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
  ];
}
