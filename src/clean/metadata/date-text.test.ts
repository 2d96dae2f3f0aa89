import { describe, expect, it } from 'vitest';
import { findDates, parseDateText } from './date-text.js';

describe('parseDateText', () => {
  it('reads ISO stamps with their time and UTC zone', () => {
    expect(parseDateText('2019-10-18T22:04:00Z')).toMatchObject({ day: '2019-10-18', time: '22:04', zone: 'utc' });
  });

  it('marks a stamp with a non-zero offset as local', () => {
    expect(parseDateText('2019-10-19T19:08:22+02:00')).toMatchObject({ day: '2019-10-19', zone: 'local' });
  });

  it('reads day-first numeric dates as Europeans write them', () => {
    expect(parseDateText('19.10.2019')?.day).toBe('2019-10-19');
    expect(parseDateText('03/04/2020')?.day).toBe('2020-04-03');
  });

  it('reads month-first slashes only when the day cannot be a month', () => {
    expect(parseDateText('10/16/2019')?.day).toBe('2019-10-16');
  });

  it('reads month names in several languages', () => {
    expect(parseDateText('16. Oktober 2019, 17:05 Uhr')?.day).toBe('2019-10-16');
    expect(parseDateText('Sat, 19 Oct 2019 00:04:00 +0200')?.day).toBe('2019-10-19');
    expect(parseDateText('November 8, 2023 10:35 PM')?.day).toBe('2023-11-08');
    expect(parseDateText('28 juin 2019')?.day).toBe('2019-06-28');
    expect(parseDateText('06 Dicembre 2020')?.day).toBe('2020-12-06');
  });

  it('reads compact, epoch and CJK forms', () => {
    expect(parseDateText('20110523')?.day).toBe('2011-05-23');
    expect(parseDateText('1574168580')?.day).toBe('2019-11-19');
    expect(parseDateText('2020年07月03日')?.day).toBe('2020-07-03');
  });

  it('rejects impossible days and years outside the bounds', () => {
    expect(parseDateText('2019-02-30')).toBeUndefined();
    expect(parseDateText('1850-01-01')).toBeUndefined();
    expect(parseDateText('no date here')).toBeUndefined();
  });
});

describe('findDates', () => {
  it('finds every date of a text in order of position', () => {
    const text = 'Posted 3 March 2021; updated 2021-03-05 at 10:00.';
    const found = findDates(text);
    expect(found.map((date) => date.day)).toEqual(['2021-03-03', '2021-03-05']);
    expect(text.slice(found[0]?.index, (found[0]?.index ?? 0) + (found[0]?.length ?? 0))).toBe('3 March 2021');
  });
});

describe('findDates in many languages', () => {
  const day = (text: string) => findDates(text)[0]?.day;

  it('reads month names of each language as Intl writes them', () => {
    expect(day('16 de octubre de 2019')).toBe('2019-10-16');
    expect(day('16 ottobre 2019')).toBe('2019-10-16');
    expect(day('16 de outubro de 2019')).toBe('2019-10-16');
    expect(day('16 oktober 2019')).toBe('2019-10-16');
    expect(day('16 октября 2019 г.')).toBe('2019-10-16');
    expect(day('16 Ekim 2019 Çarşamba')).toBe('2019-10-16');
    expect(day('١٦ أكتوبر ٢٠١٩')).toBe('2019-10-16');
    expect(day('۱۶ اکتبر ۲۰۱۹')).toBe('2019-10-16');
  });

  it('converts Hijri and Solar Hijri dates written with their month names', () => {
    expect(findDates('الثلاثاء 1 رمضان 1442 هـ')[0]).toMatchObject({ day: '2021-04-13', calendar: 'islamic-umalqura' });
    expect(findDates('۲۴ مهر ۱۳۹۸')[0]).toMatchObject({ day: '2019-10-16', calendar: 'persian' });
  });

  it('reads the dates dumpers glue to the next block or write with underscores', () => {
    expect(findDates('28 luglio 202010:43 News')[0]).toMatchObject({ day: '2020-07-28', time: '10:43' });
    expect(day('17/11/201917/11/2019 ~ Cem')).toBe('2019-11-17');
    expect(day('(@someone) November_3,_2023')).toBe('2023-11-03');
  });
});

describe('numeric dates either way round', () => {
  it('reads them day first or month first when only one reading is a day', () => {
    expect(findDates('19/10/2016')[0]).toMatchObject({ day: '2016-10-19' });
    expect(findDates('10/19/2016')[0]).toMatchObject({ day: '2016-10-19' });
    expect(findDates('19/10/2016')[0]?.ambiguous).toBeUndefined();
  });

  it("decides an ambiguous one by the document's other dates, and marks it", () => {
    expect(findDates('Posted 05/06/2016. Comments: 10/19/2016')[0]).toMatchObject({
      day: '2016-05-06',
      ambiguous: true,
    });
    expect(findDates('Posted 05/06/2016. Comments: 19/10/2016')[0]).toMatchObject({
      day: '2016-06-05',
      ambiguous: true,
    });
  });

  it("decides it by the language of the document's month names, else day first", () => {
    expect(findDates('05/06/2016, see also October 3, 2016')[0]?.day).toBe('2016-05-06');
    expect(findDates('05/06/2016, siehe 3. Oktober 2016')[0]?.day).toBe('2016-06-05');
    expect(findDates('05/06/2016')[0]?.day).toBe('2016-06-05');
    expect(findDates('05.06.2016, see also October 3, 2016')[0]?.day).toBe('2016-06-05');
  });

  it('lets a weekday name before it decide', () => {
    // 6 May 2016 was a Friday, 5 June 2016 a Sunday.
    expect(findDates('Friday, 05/06/2016')[0]).toMatchObject({ day: '2016-05-06', weekday: true });
    expect(findDates('Sonntag, 05/06/2016')[0]).toMatchObject({ day: '2016-06-05', weekday: true });
  });
});
