import { describe, expect, it } from 'vitest';
import { dayFirstIn, foldName, nameTables, toGregorian } from './calendar-names.js';

describe('nameTables', () => {
  it('holds month names of many languages, read from Intl, in their in-date forms and folded', () => {
    const { months } = nameTables();
    const month = (name: string) => months.get(foldName(name))?.month;
    expect(month('Oktober')).toBe(10);
    expect(month('октября')).toBe(10);
    expect(month('Ekim')).toBe(10);
    expect(month('MAYIS')).toBe(5);
    expect(month('أكتوبر')).toBe(10);
    expect(month('تشرين الأول')).toBe(10);
    expect(month('fevrier')).toBe(2);
    expect(month('Sept.')).toBe(9);
    expect(month('Jänner')).toBe(1);
  });

  it('keeps Hijri and Solar Hijri months apart from the Gregorian ones', () => {
    const { months } = nameTables();
    expect(months.get(foldName('محرم'))).toMatchObject({ calendar: 'islamic-umalqura', month: 1 });
    expect(months.get(foldName('مهر'))).toMatchObject({ calendar: 'persian', month: 7 });
    expect(months.get(foldName('اکتبر'))).toMatchObject({ calendar: 'gregory', month: 10 });
  });
});

describe('dayFirstIn', () => {
  it('reads the numeric order from the locale', () => {
    expect(dayFirstIn('en')).toBe(false);
    expect(dayFirstIn('de')).toBe(true);
    expect(dayFirstIn('fr')).toBe(true);
  });
});

describe('toGregorian', () => {
  it('converts Hijri and Solar Hijri days by searching days with ICU', () => {
    expect(toGregorian('islamic-umalqura', 1442, 9, 1)).toEqual([2021, 4, 13]);
    expect(toGregorian('persian', 1398, 7, 24)).toEqual([2019, 10, 16]);
    expect(toGregorian('persian', 1400, 1, 1)).toEqual([2021, 3, 21]);
  });

  it('gives nothing for a day the month does not have', () => {
    expect(toGregorian('persian', 1399, 7, 31)).toBeUndefined();
    expect(toGregorian('islamic-umalqura', 1441, 2, 30)).toBeUndefined();
  });
});
