import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../nlp/index.js';
import { fitLogistic } from './logistic.js';

describe('fitLogistic', () => {
  it('recovers the weights that generated the labels', () => {
    const random = seededRandom(7);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const row = [random(), random()];
      const p = 1 / (1 + Math.exp(-(-1 + 4 * (row[0] as number) - 3 * (row[1] as number))));
      rows.push(row);
      labels.push(random() < p ? 1 : 0);
    }
    const fit = fitLogistic(rows, labels, 0.01);
    expect(fit.bias).toBeCloseTo(-1, 0);
    expect(fit.weights[0]).toBeCloseTo(4, 0);
    expect(fit.weights[1]).toBeCloseTo(-3, 0);
  });
});
