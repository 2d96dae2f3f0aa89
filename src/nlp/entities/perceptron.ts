/**
 * A first-order structured perceptron: emission weights per (feature, tag), a tag transition
 * matrix, Viterbi decoding under the BILOU constraints, and averaged weights for training.
 */
import { allowedTransitions, canEnd, TAGS } from './tags.js';

const T = TAGS.length;
const ALLOWED = allowedTransitions();
/** For each tag, the tags that may precede it: Viterbi visits only those. */
const PREVIOUS = Array.from({ length: T }, (_, t) =>
  Int32Array.from(Array.from({ length: T }, (_, p) => p).filter((p) => ALLOWED[p * T + t])),
);

/** The trained weights as inference reads them. */
export interface TaggerWeights {
  /** feature string → offset of its row of T weights in `emissions`. */
  rows: Map<string, number>;
  emissions: Float32Array;
  /** (T + 1) × T, the last row being the sentence start. */
  transitions: Float32Array;
}

/** Emission scores, n × T, of a sentence's feature lists. */
export function scoreEmissions(weights: TaggerWeights, features: readonly (readonly string[])[]): Float64Array {
  const scores = new Float64Array(features.length * T);
  const { rows, emissions } = weights;
  for (let i = 0; i < features.length; i++) {
    const base = i * T;
    for (const feature of features[i] as string[]) {
      const row = rows.get(feature);
      if (row === undefined) continue;
      for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (emissions[row + t] as number);
    }
  }
  return scores;
}

/** Best tag sequence under the BILOU constraints. */
export function viterbi(scores: Float64Array, n: number, transitions: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const best = new Float64Array(n * T).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) {
    if (ALLOWED[T * T + t]) best[t] = (scores[t] as number) + (transitions[T * T + t] as number);
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (const p of PREVIOUS[t] as Int32Array) {
        const value = (best[(i - 1) * T + p] as number) + (transitions[p * T + t] as number);
        if (value > top) {
          top = value;
          arg = p;
        }
      }
      best[i * T + t] = top + (scores[i * T + t] as number);
      back[i * T + t] = arg;
    }
  }
  let last = 0;
  let top = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < T; t++) {
    const value = best[(n - 1) * T + t] as number;
    if (canEnd(t) && value > top) {
      top = value;
      last = t;
    }
  }
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + (path[i] as number)] as number;
  return path;
}

/** Training state: raw weights and the time-weighted sums that give their average cheaply. */
export class PerceptronTrainer {
  private readonly weights: Float64Array;
  private readonly sums: Float64Array;
  private readonly transitions = new Float64Array((T + 1) * T);
  private readonly transitionSums = new Float64Array((T + 1) * T);
  private clock = 1;

  constructor(readonly featureCount: number) {
    this.weights = new Float64Array(featureCount * T);
    this.sums = new Float64Array(featureCount * T);
  }

  predict(features: readonly Int32Array[]): number[] {
    const n = features.length;
    const scores = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (const f of features[i] as Int32Array) {
        const row = f * T;
        for (let t = 0; t < T; t++) {
          scores[i * T + t] = (scores[i * T + t] as number) + (this.weights[row + t] as number);
        }
      }
    }
    return viterbi(scores, n, this.transitions);
  }

  /** One perceptron step on a sentence; returns whether the prediction was wrong. */
  learn(features: readonly Int32Array[], gold: readonly number[]): boolean {
    const predicted = this.predict(features);
    let wrong = false;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] as number;
      const p = predicted[i] as number;
      const gPrev = i === 0 ? T : (gold[i - 1] as number);
      const pPrev = i === 0 ? T : (predicted[i - 1] as number);
      if (g !== p) {
        wrong = true;
        for (const f of features[i] as Int32Array) {
          this.bump(this.weights, this.sums, f * T + g, 1);
          this.bump(this.weights, this.sums, f * T + p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.bump(this.transitions, this.transitionSums, gPrev * T + g, 1);
        this.bump(this.transitions, this.transitionSums, pPrev * T + p, -1);
      }
    }
    this.clock++;
    return wrong;
  }

  private bump(weights: Float64Array, sums: Float64Array, index: number, delta: number): void {
    weights[index] = (weights[index] as number) + delta;
    sums[index] = (sums[index] as number) + this.clock * delta;
  }

  /** Averaged weights: w - sum(t · Δ) / clock equals the mean of the weights over every step. */
  averaged(): { emissions: Float64Array; transitions: Float64Array } {
    const average = (weights: Float64Array, sums: Float64Array) =>
      weights.map((w, index) => w - (sums[index] as number) / this.clock);
    return { emissions: average(this.weights, this.sums), transitions: average(this.transitions, this.transitionSums) };
  }
}

export const TAG_COUNT = T;
