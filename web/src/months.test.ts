import { describe, expect, it } from 'vitest';
import { fillMonths } from './months.js';

describe('fillMonths', () => {
  it('counts the months with no mention as 0, across a year end, in order', () => {
    expect(
      fillMonths([
        { value: '2005-02', count: 3 },
        { value: '2004-11', count: 1 },
      ]),
    ).toEqual([
      { value: '2004-11', count: 1 },
      { value: '2004-12', count: 0 },
      { value: '2005-01', count: 0 },
      { value: '2005-02', count: 3 },
    ]);
  });

  it('leaves out values that are not months and gives nothing for no months', () => {
    expect(fillMonths([{ value: 'XXXX-03', count: 2 }])).toEqual([]);
    expect(fillMonths([])).toEqual([]);
  });
});
