import { describe, expect, it } from 'vitest';
import { tokenizeRange } from './tokenize.js';

describe('tokenizeRange', () => {
  it('keeps hyphenated and apostrophe words whole and punctuation apart', () => {
    const text = 'Anti-American sentiments, Iraq’s "advisory" mission.';
    expect(tokenizeRange(text).map((token) => token.text)).toEqual([
      'Anti-American',
      'sentiments',
      ',',
      'Iraq’s',
      '"',
      'advisory',
      '"',
      'mission',
      '.',
    ]);
  });

  it('gives offsets into the whole text when cutting a range', () => {
    const text = 'First one. Second sentence here.';
    const tokens = tokenizeRange(text, 11, text.length);
    expect(tokens[0]).toEqual({ start: 11, end: 17, text: 'Second' });
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
