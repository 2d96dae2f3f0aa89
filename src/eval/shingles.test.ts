import { describe, expect, it } from 'vitest';
import { scorePubdates } from './pubdate-eval.js';
import { macroScore, matchShingles, tokenizeWords } from './shingles.js';

describe('matchShingles', () => {
  it('tokenizes on runs of word characters in any script', () => {
    expect(tokenizeWords('Don’t stop — 3,5 Prozent; Ünïcode_ok')).toEqual([
      'Don',
      't',
      'stop',
      '3',
      '5',
      'Prozent',
      'Ünïcode_ok',
    ]);
  });

  it('counts shared, extra and missed word 4-grams as multisets', () => {
    const gold = 'one two three four five';
    expect(matchShingles(gold, gold)).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(matchShingles(gold, 'one two three four six')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(matchShingles(gold, '')).toEqual({ tp: 0, fp: 0, fn: 2 });
  });

  it('averages precision over pages with a prediction and recall over pages with gold', () => {
    const score = macroScore([
      { tp: 1, fp: 1, fn: 0 },
      { tp: 0, fp: 0, fn: 2 },
    ]);
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.f1).toBeCloseTo(0.5);
  });
});

describe('scorePubdates', () => {
  it('counts a miss as fn, a right day as tp and anything else, even on a dateless page, as fp', () => {
    const score = scorePubdates([
      { gold: '2020-01-01', predicted: '2020-01-01' },
      { gold: '2020-01-01', predicted: '2020-01-02' },
      { gold: '2020-01-01' },
      { gold: null, predicted: '2020-01-01' },
    ]);
    expect(score).toMatchObject({ tp: 1, fp: 2, fn: 1, pages: 4 });
    expect(score.accuracy).toBeCloseTo(0.25);
    expect(score.f1).toBeCloseTo(2 / 5);
  });
});
