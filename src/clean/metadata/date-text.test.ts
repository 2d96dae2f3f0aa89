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
