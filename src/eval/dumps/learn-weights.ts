/**
 * `lede eval dumps --split tune`: learns the weights of the dump date scorer on the `tune` half of
 * page-dumps by coordinate search from the current weights, and prints them with the accuracy they
 * give on each half. The `held-out` half is only scored, never searched on.
 */
import { cleanTextDump, DATE_WEIGHTS, type ScoredDate, weightedScore } from '../../clean/index.js';

export interface DateExample {
  gold: string;
  split: 'tune' | 'held-out';
  candidates: { day: string; features: Record<string, number> }[];
}

/** Steps tried for each weight. */
const STEPS = [-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6];
/** Weights whose meaning fixes a bound: a publication cue must count for, an ambiguous reading not for. */
const BOUNDS: Record<string, [number, number]> = { published: [2, 6], ambiguous: [-6, 0] };
const ROUNDS = 3;

/** The features of every date of a dump, as the cleaner scores them, with the gold day. */
export function dateExample(text: string, gold: string, split: DateExample['split']): DateExample {
  let candidates: ScoredDate[] = [];
  const cleaned = cleanTextDump(text, {
    onDateCandidates: (scored) => {
      candidates = scored;
    },
  });
  const stated = cleaned.meta.published;
  // A date header is read, not scored: it stands as the one candidate, whatever the weights.
  if (stated && !stated.estimated)
    return { gold, split, candidates: [{ day: stated.value.slice(0, 10), features: {} }] };
  return {
    gold,
    split,
    candidates: candidates.map(({ found, features }) => ({ day: found.day, features })),
  };
}

export function dateAccuracy(examples: readonly DateExample[], weights: Record<string, number>): number {
  let right = 0;
  for (const example of examples) {
    let best: string | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const { day, features } of example.candidates) {
      const score = weightedScore(features, weights);
      if (score > bestScore) {
        bestScore = score;
        best = day;
      }
    }
    if (best === example.gold) right++;
  }
  return examples.length ? right / examples.length : 0;
}

/** Coordinate search on the tune half; a step is taken only when it raises the accuracy there. */
export function learnDateWeights(examples: readonly DateExample[]): Record<string, number> {
  const tune = examples.filter((example) => example.split === 'tune');
  const weights = { ...DATE_WEIGHTS };
  for (let round = 0; round < ROUNDS; round++)
    for (const name of Object.keys(weights)) {
      const [low, high] = BOUNDS[name] ?? [-6, 6];
      let best = weights[name] ?? 0;
      let bestAccuracy = dateAccuracy(tune, weights);
      for (const step of STEPS) {
        if (step < low || step > high) continue;
        const accuracy = dateAccuracy(tune, { ...weights, [name]: step });
        if (accuracy > bestAccuracy + 1e-9) {
          bestAccuracy = accuracy;
          best = step;
        }
      }
      weights[name] = best;
    }
  return weights;
}

export function formatLearnt(examples: readonly DateExample[], learnt: Record<string, number>): string {
  const halves = (weights: Record<string, number>) =>
    (['tune', 'held-out'] as const)
      .map(
        (split) =>
          `${split} ${dateAccuracy(
            examples.filter((example) => example.split === split),
            weights,
          ).toFixed(3)}`,
      )
      .join('  ');
  return [
    `date scorer weights learnt on the tune half (${examples.filter((example) => example.split === 'tune').length} dumps with the day visible):`,
    `  current: ${halves(DATE_WEIGHTS)}`,
    `  learnt:  ${halves(learnt)}`,
    `  ${JSON.stringify(learnt)}`,
  ].join('\n');
}
