import { describe, expect, it } from 'vitest';
import { readableDate } from './readable-date.js';

describe('readableDate', () => {
  it('writes TIMEX3 values as people write dates', () => {
    expect(readableDate('2025-09-03')).toBe('3 September 2025');
    expect(readableDate('XXXX-09-05')).toBe('5 September (year not stated)');
    expect(readableDate('2025-06')).toBe('June 2025');
    expect(readableDate('XXXX-WXX-2')).toBe('a Tuesday');
    expect(readableDate('2023-02-13T11:41')).toBe('13 February 2023, 11:41');
  });

  it('shows what it does not know as it is', () => {
    expect(readableDate('PRESENT_REF')).toBe('PRESENT_REF');
    expect(readableDate('2025-13-01')).toBe('2025-13-01');
  });
});
