import { describe, expect, it } from 'vitest';
import type { OperatingPoint } from './cross-validate.js';
import { chooseListedFloor, FLOOR_TIE } from './evaluate.js';

const score = (precision: number, f1: number) => ({ precision, recall: f1, f1, predicted: 10, gold: 10 });
const point = (listed: number, siPrecision: number, loadedF1: number): OperatingPoint => ({
  decoding: { loaded: 0.5, other: 0.5, extend: 0.4, listed },
  spans: score(siPrecision, 0.2),
  loaded: score(0.4, loadedF1),
});

describe('chooseListedFloor', () => {
  it('takes the floor with the best Loaded_Language F1 among those keeping SI precision at 0.5', () => {
    const chosen = chooseListedFloor([point(2, 0.6, 0.2), point(0.1, 0.45, 0.3), point(0.3, 0.55, 0.25)]);
    expect(chosen.decoding.listed).toBe(0.3);
  });

  it('takes the lowest floor among those whose F1 is within the tie margin of the best', () => {
    const chosen = chooseListedFloor([
      point(2, 0.6, 0.2),
      point(0.2, 0.51, 0.25 - FLOOR_TIE / 2),
      point(0.4, 0.52, 0.25),
      point(0.1, 0.51, 0.25 - FLOOR_TIE * 2),
    ]);
    expect(chosen.decoding.listed).toBe(0.2);
  });

  it('keeps the point without listed terms when no floor is precise enough', () => {
    const chosen = chooseListedFloor([point(2, 0.4, 0.2), point(0.1, 0.3, 0.3)]);
    expect(chosen.decoding.listed).toBe(2);
  });
});
