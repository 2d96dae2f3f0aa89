import { describe, expect, it } from 'vitest';
import { exportSoftmax, SoftmaxScorer, trainSoftmax } from './softmax.js';

const names = ['bias', 'w=awful', 'w=table', 'w=vile'];
const examples = [
  { features: Int32Array.from([0, 1]), label: 1 },
  { features: Int32Array.from([0, 2]), label: 0 },
  { features: Int32Array.from([0, 3]), label: 1 },
  { features: Int32Array.from([0, 2]), label: 0 },
];
const settings = { epochs: 20, rate: 0.3, l2: 0, seed: 7 };

describe('softmax training', () => {
  it('learns which features mark a class and scores them as probabilities', () => {
    const model = exportSoftmax(['O', 'L'], names, trainSoftmax(examples, names.length, 2, settings), () => true);
    const scorer = new SoftmaxScorer(model);
    const loaded = scorer.score(['bias', 'w=vile']);
    expect(loaded[1]).toBeGreaterThan(0.8);
    expect((loaded[0] as number) + (loaded[1] as number)).toBeCloseTo(1);
    expect(scorer.score(['bias', 'w=table'])[0]).toBeGreaterThan(0.8);
  });

  it('gives identical weights for the same data and seed', () => {
    const a = trainSoftmax(examples, names.length, 2, settings);
    const b = trainSoftmax(examples, names.length, 2, settings);
    expect([...a.weights]).toEqual([...b.weights]);
  });
});
