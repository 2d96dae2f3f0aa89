/**
 * Averaged structured perceptron for the dump line model: Viterbi under the current weights,
 * and on every mistaken line, the gold role's weights up and the predicted role's down; the
 * averaged weights (sum over every step) are what ships, as they generalise better.
 */
import { LINE_ROLES, type LineModelFile, viterbi } from '../../clean/index.js';
import { seededRandom } from '../../nlp/index.js';

const R = LINE_ROLES.length;

export interface LineExample {
  /** Feature ids per line. */
  features: Int32Array[];
  /** Gold role index per line. */
  roles: number[];
}

export interface TrainedWeights {
  emissions: Float64Array;
  transitions: Float64Array;
}

/** Trains on `examples` over `featureCount` features; `log` hears each epoch's line accuracy. */
export function trainPerceptron(
  examples: readonly LineExample[],
  featureCount: number,
  epochs: number,
  seed: number,
  log: (line: string) => void,
): TrainedWeights {
  const weights = new Float64Array(featureCount * R);
  const sums = new Float64Array(featureCount * R);
  const transitions = new Float64Array((R + 1) * R);
  const transitionSums = new Float64Array((R + 1) * R);
  const random = seededRandom(seed);
  let step = 1;
  const order = examples.map((_, i) => i);
  const update = (table: Float64Array, totals: Float64Array, index: number, delta: number) => {
    table[index] = (table[index] as number) + delta;
    totals[index] = (totals[index] as number) + step * delta;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let right = 0;
    let total = 0;
    for (const index of order) {
      const example = examples[index] as LineExample;
      const n = example.roles.length;
      const scores = new Float64Array(n * R);
      example.features.forEach((ids, k) => {
        for (const id of ids)
          for (let r = 0; r < R; r++)
            scores[k * R + r] = (scores[k * R + r] as number) + (weights[id * R + r] as number);
      });
      const predicted = viterbi(scores, n, transitions);
      for (let k = 0; k < n; k++) {
        const gold = example.roles[k] as number;
        const guess = predicted[k] as number;
        total++;
        if (gold === guess) right++;
        else
          for (const id of example.features[k] as Int32Array) {
            update(weights, sums, id * R + gold, 1);
            update(weights, sums, id * R + guess, -1);
          }
        const goldFrom = k === 0 ? R : (example.roles[k - 1] as number);
        const guessFrom = k === 0 ? R : (predicted[k - 1] as number);
        if (goldFrom !== guessFrom || gold !== guess) {
          update(transitions, transitionSums, goldFrom * R + gold, 1);
          update(transitions, transitionSums, guessFrom * R + guess, -1);
        }
      }
      step++;
    }
    log(`epoch ${epoch}: line accuracy on the training lines ${(right / Math.max(1, total)).toFixed(4)}`);
  }
  const average = (table: Float64Array, totals: Float64Array) =>
    table.map((value, i) => value - (totals[i] as number) / step);
  return { emissions: average(weights, sums), transitions: average(transitions, transitionSums) };
}

/**
 * Divides every weight by the mean margin between the best and second-best role over the training
 * lines: decoding is unchanged, and a score of 1 then means a typical margin, so the cleaner can
 * weigh the classifier's opinion against other evidence (the headline choice does).
 */
export function normaliseWeights(weights: TrainedWeights, examples: readonly LineExample[]): TrainedWeights {
  let total = 0;
  let count = 0;
  for (const example of examples)
    for (const ids of example.features) {
      const scores = new Float64Array(R);
      for (const id of ids)
        for (let r = 0; r < R; r++) scores[r] = (scores[r] as number) + (weights.emissions[id * R + r] as number);
      const sorted = [...scores].sort((a, b) => b - a);
      total += (sorted[0] as number) - (sorted[1] as number);
      count++;
    }
  const scale = count && total > 0 ? total / count : 1;
  return { emissions: weights.emissions.map((w) => w / scale), transitions: weights.transitions.map((w) => w / scale) };
}

/** The model file: features whose averaged weights are all near zero are left out, weights rounded. */
export function toModelFile(
  weights: TrainedWeights,
  featureNames: readonly string[],
  functionWords: readonly string[],
): LineModelFile {
  const round = (value: number) => Math.round(value * 10000) / 10000;
  const features: Record<string, number[]> = {};
  featureNames.forEach((name, id) => {
    const row = Array.from(weights.emissions.subarray(id * R, id * R + R), round);
    if (row.some((value) => Math.abs(value) >= 0.001)) features[name] = row;
  });
  return {
    version: 1,
    roles: [...LINE_ROLES],
    functionWords: [...functionWords],
    features,
    transitions: Array.from(weights.transitions, round),
    headline: {},
  };
}
