import { describe, expect, it } from 'vitest';
import { mergeSpans, SpanIdentificationScorer } from './si-score.js';

describe('SpanIdentificationScorer', () => {
  it('gives partial credit in proportion to the overlap, as the SemEval-2020 SI scorer does', () => {
    const scorer = new SpanIdentificationScorer();
    // gold [0,10); predicted [5,15) overlaps 5 of its 10 characters and 5 of gold's 10.
    scorer.add([{ start: 0, end: 10 }], [{ start: 5, end: 15 }]);
    const score = scorer.score();
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.f1).toBeCloseTo(0.5);
  });

  it('divides by the number of spans over all articles', () => {
    const scorer = new SpanIdentificationScorer();
    scorer.add([{ start: 0, end: 4 }], [{ start: 0, end: 4 }]);
    scorer.add([{ start: 0, end: 4 }], [{ start: 10, end: 12 }]);
    expect(scorer.score().precision).toBeCloseTo(0.5);
    expect(scorer.score().recall).toBeCloseTo(0.5);
  });

  it('merges overlapping gold spans of different techniques before scoring', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 6 },
        { start: 20, end: 25 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 25 },
    ]);
  });

  it('scores nothing predicted as zero precision rather than failing', () => {
    const scorer = new SpanIdentificationScorer();
    scorer.add([{ start: 0, end: 4 }], []);
    expect(scorer.score()).toMatchObject({ precision: 0, recall: 0, f1: 0, predicted: 0, gold: 1 });
  });
});
