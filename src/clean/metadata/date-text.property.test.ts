import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoCalendarDay } from '../../model/index.js';
import { findDates, parseDateText } from './date-text.js';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'tr', 'ar', 'fa', 'pl'];

/** Digits, separators, month names and words in the shapes dates take, shuffled into strings. */
const dateLikeText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 3999 }).map(String),
      fc.constantFrom('/', '.', '-', ' ', ', ', '\n', '_', 'T', ':', 'Oktober', 'Feb', 'مهر', 'محرم', 'января', 'May'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('every date lede reads is a real calendar day', () => {
  it('holds for any string', () => {
    fc.assert(
      fc.property(dateLikeText, (text) => {
        for (const found of findDates(text)) expect(isIsoCalendarDay(found.day), `${text} -> ${found.day}`).toBe(true);
        const first = parseDateText(text);
        if (first) expect(isIsoCalendarDay(first.day)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any day Intl writes in any of the languages and calendars', () => {
    const days = fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2025, 11, 31) }).map((ms) => new Date(ms));
    const calendars = fc.constantFrom<[string, string]>(
      ...LOCALES.map((locale) => [locale, 'gregory'] as [string, string]),
      ['ar', 'islamic-umalqura'],
      ['fa', 'persian'],
    );
    fc.assert(
      fc.property(days, calendars, fc.boolean(), (date, [locale, calendar], latinDigits) => {
        const text = new Intl.DateTimeFormat(locale, {
          calendar,
          timeZone: 'UTC',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          ...(latinDigits ? { numberingSystem: 'latn' } : {}),
        }).format(date);
        expect(findDates(text)[0]?.day, text).toBe(date.toISOString().slice(0, 10));
      }),
      { numRuns: 600 },
    );
  });
});
