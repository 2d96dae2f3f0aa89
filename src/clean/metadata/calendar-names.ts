/**
 * Month and weekday names in the languages lede reads, taken from Node's ICU data (`Intl`) rather
 * than typed by hand, so a language is one more locale in a list. Names are looked up folded (lower
 * case, accents dropped, Turkish dotless i as i), as scrapes write `fevrier`, `MAYIS` or `Sept.`.
 */

export type CalendarName = 'gregory' | 'islamic-umalqura' | 'persian';

/** Locales whose Gregorian month and weekday names are read (the regional ones add other names: `Jänner`, `كانون الثاني`). */
export const GREGORIAN_LOCALES = [
  'en',
  'de',
  'de-AT',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'tr',
  'ar',
  'ar-SY',
  'fa',
  'pl',
  'sv',
  'da',
  'nb',
  'cs',
  'el',
  'uk',
  'ro',
  'hu',
  'id',
] as const;

/** Other calendars read when written with their own month names: Hijri (Arabic) and Solar Hijri (Persian). */
const OTHER_CALENDARS: { calendar: CalendarName; locales: string[] }[] = [
  { calendar: 'islamic-umalqura', locales: ['ar', 'en'] },
  { calendar: 'persian', locales: ['fa', 'en'] },
];

export interface MonthName {
  calendar: CalendarName;
  month: number;
  /** Locales that write this name (the first decides nothing; several may share a name). */
  locales: string[];
}

export interface NameTables {
  /** Folded name → month; a folded name two calendars or months share is dropped as unreadable. */
  months: Map<string, MonthName>;
  /** Folded weekday name → day of the week (0 Sunday), with the locales that write it. */
  weekdays: Map<string, { weekday: number; locales: string[] }>;
  /** Regex alternatives for every month name (as written and folded), longest first. */
  monthPattern: string;
  weekdayPattern: string;
}

export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase().replace(/\.$/, '');
}

/** Scripts where news sites shorten month names to any leading part (`Sept`, `janv`, `сент`). */
const SHORTENED = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+$/u;

let tables: NameTables | undefined;

export function nameTables(): NameTables {
  if (tables) return tables;
  const months = new Map<string, MonthName>();
  const clashes = new Set<string>();
  const written = new Set<string>();
  const addMonth = (name: string, calendar: CalendarName, month: number, locale: string) => {
    const key = foldName(name);
    if (key.length < 2 || clashes.has(key)) return;
    const known = months.get(key);
    if (known && (known.calendar !== calendar || known.month !== month)) {
      months.delete(key);
      clashes.add(key);
      return;
    }
    if (known) {
      if (!known.locales.includes(locale)) known.locales.push(locale);
    } else months.set(key, { calendar, month, locales: [locale] });
    written.add(name.replace(/\.$/, ''));
    written.add(key);
  };
  for (const locale of GREGORIAN_LOCALES)
    for (const [month, names] of monthNamesOf(locale, 'gregory').entries())
      for (const name of names) addMonth(name, 'gregory', month + 1, locale);
  // Leading parts of the full names, at least three letters, where they point to one month only.
  const prefixes = new Map<string, { month: number; locale: string } | null>();
  for (const locale of GREGORIAN_LOCALES)
    for (const [month, names] of monthNamesOf(locale, 'gregory').entries())
      for (const name of names) {
        const folded = foldName(name);
        if (!SHORTENED.test(folded)) continue;
        for (let end = 3; end < folded.length; end++) {
          const prefix = folded.slice(0, end);
          const seen = prefixes.get(prefix);
          if (seen === undefined) prefixes.set(prefix, { month: month + 1, locale });
          else if (seen && seen.month !== month + 1) prefixes.set(prefix, null);
        }
      }
  for (const [prefix, entry] of prefixes)
    if (entry && !months.has(prefix) && !clashes.has(prefix)) addMonth(prefix, 'gregory', entry.month, entry.locale);
  for (const { calendar, locales } of OTHER_CALENDARS)
    for (const locale of locales)
      for (const [month, names] of monthNamesOf(locale, calendar).entries())
        for (const name of names) addMonth(name, calendar, month + 1, locale);

  const weekdays = new Map<string, { weekday: number; locales: string[] }>();
  const weekdayWritten = new Set<string>();
  for (const locale of GREGORIAN_LOCALES)
    for (const width of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
      for (let weekday = 0; weekday < 7; weekday++) {
        // 2023-01-01 was a Sunday.
        const name = format.format(new Date(Date.UTC(2023, 0, 1 + weekday)));
        const key = foldName(name);
        if (key.length < 2) continue;
        const known = weekdays.get(key);
        if (known && known.weekday !== weekday) continue;
        if (known) known.locales.push(locale);
        else weekdays.set(key, { weekday, locales: [locale] });
        weekdayWritten.add(name.replace(/\.$/, ''));
        weekdayWritten.add(key);
      }
    }
  tables = {
    months,
    weekdays,
    monthPattern: alternatives(written),
    weekdayPattern: alternatives(weekdayWritten),
  };
  return tables;
}

/** Each month's names in one locale and calendar: stand-alone and in-date (genitive) forms, long and short. */
function monthNamesOf(locale: string, calendar: CalendarName): string[][] {
  const options = { calendar, numberingSystem: 'latn', timeZone: 'UTC' } as const;
  const formats = [
    new Intl.DateTimeFormat(locale, { ...options, month: 'long' }),
    new Intl.DateTimeFormat(locale, { ...options, month: 'short' }),
    new Intl.DateTimeFormat(locale, { ...options, month: 'long', day: 'numeric' }),
    new Intl.DateTimeFormat(locale, { ...options, month: 'short', day: 'numeric' }),
    // With a year some languages inflect again (Persian `ژانویهٔ ۱۹۹۶`).
    new Intl.DateTimeFormat(locale, { ...options, month: 'long', day: 'numeric', year: 'numeric' }),
  ];
  const numeric = new Intl.DateTimeFormat('en', { ...options, month: 'numeric' });
  const names: string[][] = Array.from({ length: 12 }, () => []);
  // Walk a year day by day in steps, so each month of a lunar or solar calendar is met.
  for (let step = 0; step < 400; step += 10) {
    const date = new Date(Date.UTC(2021, 0, 1 + step));
    const month = Number(numeric.formatToParts(date).find((part) => part.type === 'month')?.value) - 1;
    const list = names[month];
    if (!list) continue;
    for (const format of formats) {
      const name = format
        .formatToParts(date)
        .find((part) => part.type === 'month')
        ?.value.trim();
      if (name && !/^\d+$/.test(name) && !list.includes(name)) list.push(name);
    }
  }
  return names;
}

function alternatives(names: Set<string>): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Whether a locale writes numeric dates day first (`19.10.2016`) or month first (`10/19/2016`), from its ICU pattern. */
export function dayFirstIn(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { calendar: 'gregory', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2021, 10, 25)),
  );
  const types = parts.map((part) => part.type);
  return types.indexOf('day') < types.indexOf('month');
}

/**
 * The Gregorian day of a date in another calendar, found by searching days around an estimate with
 * ICU's own conversion; undefined when that calendar has no such day (`30 Safar` in a 29-day year).
 */
export function toGregorian(
  calendar: CalendarName,
  year: number,
  month: number,
  day: number,
): [number, number, number] | undefined {
  if (calendar === 'gregory') return [year, month, day];
  const days =
    calendar === 'persian'
      ? (year - 1) * 365.2422 + (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1
      : (year - 1) * 354.367 + (month - 1) * 29.53 + day - 1;
  // Epochs: 1 Farvardin 1 = 622-03-22, 1 Muharram 1 = 622-07-19 (proleptic Gregorian).
  const epoch = calendar === 'persian' ? Date.UTC(622, 2, 22) : Date.UTC(622, 6, 19);
  const estimate = epoch + Math.round(days) * 86_400_000;
  const format = new Intl.DateTimeFormat('en', {
    calendar,
    numberingSystem: 'latn',
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  for (let offset = 0; offset <= 6; offset++)
    for (const sign of offset === 0 ? [1] : [1, -1]) {
      const date = new Date(estimate + sign * offset * 86_400_000);
      const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
      if (Number.parseInt(parts.year ?? '', 10) === year && Number(parts.month) === month && Number(parts.day) === day)
        return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    }
  return undefined;
}
