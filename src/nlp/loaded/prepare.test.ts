import { describe, expect, it } from 'vitest';
import { countOccurrences, REPEAT_WINDOW } from './prepare.js';

describe('countOccurrences', () => {
  it('counts a phrase over a whole article, case-insensitively, from 1 to 5', () => {
    const text = 'Stop the war. The War goes on. stop THE WAR now.'.toLowerCase();
    expect(countOccurrences(text, 'the war', 5)).toBe(3);
    expect(countOccurrences(text, 'peace', 0)).toBe(1);
    expect(countOccurrences('war '.repeat(9), 'war', 0)).toBe(5);
  });

  it('looks only within the window around the phrase in a very long text', () => {
    const filler = 'x'.repeat(REPEAT_WINDOW + 10);
    const text = `the war ${filler} the war ${filler} the war`;
    expect(countOccurrences(text, 'the war', text.indexOf('the war', 10))).toBe(1);
    expect(countOccurrences(`the war the war ${filler}`, 'the war', 0)).toBe(2);
  });
});
