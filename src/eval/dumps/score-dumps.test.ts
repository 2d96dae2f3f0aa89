import { describe, expect, it } from 'vitest';
import { type DumpOutcome, isCalendarDay, scoreDates } from './score-dumps.js';

const outcome = (over: Partial<DumpOutcome>): DumpOutcome => ({
  id: 'x',
  dumper: 'w3m',
  split: 'tune',
  dateVisible: true,
  goldDate: '2020-01-13',
  body: '',
  whole: '',
  ...over,
});

describe('isCalendarDay', () => {
  it('tells real days from swapped or impossible ones', () => {
    expect(isCalendarDay('2020-01-13')).toBe(true);
    expect(isCalendarDay('2020-01-13T10:00')).toBe(true);
    expect(isCalendarDay('2020-13-01')).toBe(false);
    expect(isCalendarDay('2021-02-29')).toBe(false);
    expect(isCalendarDay('2020')).toBe(true);
    expect(isCalendarDay('2020-13')).toBe(false);
  });
});

describe('scoreDates', () => {
  it('counts accuracy over visible days, the floor beside it, and invalid dates everywhere', () => {
    const score = scoreDates([
      outcome({ date: '2020-01-13', firstDate: '2020-01-14' }),
      outcome({ date: '2020-01-12', firstDate: '2020-01-13' }),
      outcome({ date: '2020', firstDate: '2020-01-13' }),
      outcome({ dateVisible: false, date: '2020-13-01' }),
    ]);
    expect(score).toEqual({ visible: 3, accuracy: 1 / 3, floorAccuracy: 2 / 3, invalid: 1 });
  });
});
