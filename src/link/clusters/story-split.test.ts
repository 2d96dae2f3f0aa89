import { describe, expect, it } from 'vitest';
import { halfToSplit } from './story-split.js';

/** Two groups: pairs inside a group at `inside`, across at `across`. */
const twoEvents = (groupOf: number[], inside: number, across: number) => (i: number, j: number) =>
  groupOf[i] === groupOf[j] ? inside : across;

describe('halfToSplit', () => {
  it('splits off the smaller of two groups more likely apart than together', () => {
    expect(halfToSplit(6, twoEvents([0, 1, 0, 0, 1, 0], 0.9, 0.2))).toEqual([1, 4]);
  });

  it('keeps a story whose halves are more likely together', () => {
    expect(halfToSplit(6, twoEvents([0, 1, 0, 0, 1, 0], 0.9, 0.6))).toBeNull();
  });

  it('leaves stories under four members whole', () => {
    expect(halfToSplit(3, () => 0)).toBeNull();
  });
});
