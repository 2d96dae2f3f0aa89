import { describe, expect, it } from 'vitest';
import { macroScore } from '../shingles.js';
import { dumpsCrossValidation, pageBootstrapF1 } from './cross-validate.js';

describe('lede eval dumps-cv', () => {
  it('refuses a mode it does not have before training anything', async () => {
    await expect(dumpsCrossValidation.run({ mode: 'folds' })).rejects.toThrow(/unknown --mode folds.*single, seeds/);
  });
});

describe('pageBootstrapF1', () => {
  const perfect = { tp: 10, fp: 0, fn: 0 };
  const half = { tp: 5, fp: 5, fn: 5 };

  it('gives no spread when every page scores alike', () => {
    expect(pageBootstrapF1([[perfect, perfect, perfect]])).toEqual([1, 1]);
  });

  it('spreads around the F1 of pages that differ, within their lowest and highest', () => {
    const pages = [perfect, half, perfect, half, perfect, half, perfect, half];
    const [low, high] = pageBootstrapF1([pages]);
    const f1 = macroScore(pages).f1;
    expect(low).toBeLessThan(f1);
    expect(high).toBeGreaterThan(f1);
    expect(low).toBeGreaterThanOrEqual(0.5);
    expect(high).toBeLessThanOrEqual(1);
  });

  it('scores the mean of the runs on the same drawn pages', () => {
    // Two runs that swap which page is right: every draw of the same pages averages to 0.75.
    const [low, high] = pageBootstrapF1([
      [perfect, half],
      [half, perfect],
    ]);
    expect(low).toBeCloseTo(0.75, 10);
    expect(high).toBeCloseTo(0.75, 10);
  });

  it('refuses runs over different numbers of pages', () => {
    expect(() => pageBootstrapF1([[perfect], [perfect, half]])).toThrow(/unequal/);
  });
});
