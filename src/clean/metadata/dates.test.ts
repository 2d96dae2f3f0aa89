import { describe, expect, it } from 'vitest';
import { parseDateLine } from './dates.js';

describe('parseDateLine', () => {
  it('reads a date header with its time', () => {
    expect(parseDateLine(' date 2023-02-13 11:41')).toEqual({ value: '2023-02-13T11:41', hasTime: true });
    expect(parseDateLine('Monday 13 February 2023 - 11:41')).toEqual({ value: '2023-02-13T11:41', hasTime: true });
  });

  it('takes a header naming no real day for no date header at all', () => {
    expect(parseDateLine('date 2020-13-01')).toBeUndefined();
    expect(parseDateLine('Published: 2021-02-29')).toBeUndefined();
  });
});
