import { describe, expect, it } from 'vitest';
import { plural, timeLeft } from './progress.js';

describe('progress wording', () => {
  it('gives the time left at the rate so far, and none before there is a rate or a total', () => {
    expect(timeLeft(250, 1000, 10)).toBe('30s');
    expect(timeLeft(100, 1000, 10)).toBe('1m30s');
    expect(timeLeft(0, 1000, 10)).toBe('…');
    expect(timeLeft(50, undefined, 10)).toBe('…');
    expect(timeLeft(1000, 1000, 10)).toBe('0s');
  });

  it('writes counts with the right plural and thousands separators', () => {
    expect(plural(1, 'document')).toBe('1 document');
    expect(plural(2225, 'document')).toBe('2,225 documents');
    expect(plural(0, 'story', 'stories')).toBe('0 stories');
  });
});
