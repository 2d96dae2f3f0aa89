import { describe, expect, it } from 'vitest';
import { DATE_WEIGHTS } from '../../clean/index.js';
import { type DateExample, dateAccuracy, dateExample, learnDateWeights } from './learn-weights.js';

/** Two candidates: the gold one has only a copyright mark, the other only a time. */
const example = (split: DateExample['split']): DateExample => ({
  gold: '2020-01-02',
  split,
  candidates: [
    { day: '2020-01-01', features: { time: 1 } },
    { day: '2020-01-02', features: { copyright: 1 } },
  ],
});

describe('learnDateWeights', () => {
  it('moves a weight only as far as the tune half asks, leaving the held-out half unsearched', () => {
    const examples = [example('tune'), example('tune'), example('held-out')];
    expect(dateAccuracy(examples, DATE_WEIGHTS)).toBe(0);
    const learnt = learnDateWeights(examples);
    expect(dateAccuracy(examples, learnt)).toBe(1);
    expect((learnt.copyright ?? 0) > (learnt.time ?? 0)).toBe(true);
    expect(learnDateWeights([example('held-out')])).toEqual(DATE_WEIGHTS);
  });

  it('reads a dump into the features the cleaner scores', () => {
    const read = dateExample('Menu\n\nTitle\n\nPublished: 3 March 2021\n\nText.', '2021-03-03', 'tune');
    expect(read.candidates).toHaveLength(1);
    expect(read.candidates[0]?.features.published).toBe(1);
  });
});
