/**
 * Fast emission scores: the features that depend on one word only are summed once per distinct
 * word and role and cached, so a token costs five cached vectors plus its few context, list and
 * document features. Word-pair features are cached per pair the same way. The result equals
 * `scoreEmissions(weights, sentenceFeatures(...))` up to float rounding.
 */
import {
  END_ROLES,
  isHeadline,
  PADS,
  pairFeatures,
  positionFeatures,
  ROLES,
  type Role,
  START_ROLES,
  type TokenView,
  viewWords,
  wordRoleFeatures,
} from './features.js';
import type { TaggerWeights } from './perceptron.js';
import { TAGS } from './tags.js';

const T = TAGS.length;
const R = ROLES.length;
const ROLE_INDEX = Object.fromEntries(ROLES.map((role, index) => [role, index])) as Record<Role, number>;
/**
 * Sized for memory as much as speed: every analysing thread holds these caches, and filled to
 * 100,000 words and 200,000 pairs they took about 176 MB per thread (a micro-test). At these sizes
 * one thread's pipeline stays near 345 MB RSS over 3,000 BBC articles (it grew to 500 MB before)
 * and the run took no longer (30.8 and 35.6 s against 39.6 s, on a shared machine).
 */
const CACHE_LIMIT = 30_000;
const PAIR_CACHE_LIMIT = 80_000;
/** Pair-cache keys of the sentence padding; control characters never occur in tokens. */
const START_KEY = '\u0002<s>';
const END_KEY = '\u0002</s>';

export class EmissionScorer {
  private readonly cache = new Map<string, Float32Array>();
  private readonly start: Float32Array;
  private readonly end: Float32Array;

  constructor(private readonly weights: TaggerWeights) {
    this.start = this.sumRoles(START_ROLES);
    this.end = this.sumRoles(END_ROLES);
  }

  score(words: readonly string[], extra: readonly (readonly string[])[]): Float64Array {
    const n = words.length;
    const scores = new Float64Array(n * T);
    const vectors = words.map((word) => this.vectorOf(word));
    const views = words.map((word) => this.viewOf(word));
    const headline = isHeadline(words);
    const vector = (j: number) => (j < 0 ? this.start : j >= n ? this.end : (vectors[j] as Float32Array));
    for (let i = 0; i < n; i++) {
      const base = i * T;
      this.addRole(scores, base, vector(i), 'self');
      this.addRole(scores, base, vector(i - 1), 'prev');
      this.addRole(scores, base, vector(i + 1), 'next');
      this.addRole(scores, base, vector(i - 2), 'prev2');
      this.addRole(scores, base, vector(i + 2), 'next2');
      if (headline) this.addRole(scores, base, vector(i), 'head');
      const prev = i > 0 ? (views[i - 1] as TokenView) : PADS.start;
      const cur = views[i] as TokenView;
      const next = i + 1 < n ? (views[i + 1] as TokenView) : PADS.end;
      this.addSlice(
        scores,
        base,
        this.pairOf(i > 0 ? (words[i - 1] as string) : START_KEY, prev, words[i] as string, cur),
        0,
      );
      this.addSlice(
        scores,
        base,
        this.pairOf(words[i] as string, cur, i + 1 < n ? (words[i + 1] as string) : END_KEY, next),
        T,
      );
      this.addFeatures(scores, base, positionFeatures(prev, cur, next, i));
      this.addFeatures(scores, base, extra[i] ?? []);
    }
    return scores;
  }

  private readonly views = new Map<string, TokenView>();
  private readonly pairs = new Map<string, Float32Array>();

  /** Weights of a word pair: the `left` sum in the first T slots, the `right` sum in the next T. */
  private pairOf(first: string, firstView: TokenView, second: string, secondView: TokenView): Float32Array {
    const key = `${first}\u0001${second}`;
    let vector = this.pairs.get(key);
    if (!vector) {
      if (this.pairs.size >= PAIR_CACHE_LIMIT) this.pairs.clear();
      const { left, right } = pairFeatures(firstView, secondView);
      vector = new Float32Array(2 * T);
      this.sumInto(vector, 0, left);
      this.sumInto(vector, T, right);
      this.pairs.set(key, vector);
    }
    return vector;
  }

  private sumInto(vector: Float32Array, base: number, features: readonly string[]): void {
    const { rows, emissions } = this.weights;
    for (const feature of features) {
      const row = rows.get(feature);
      if (row === undefined) continue;
      for (let t = 0; t < T; t++) vector[base + t] = (vector[base + t] as number) + (emissions[row + t] as number);
    }
  }

  private viewOf(word: string): TokenView {
    let view = this.views.get(word);
    if (!view) {
      if (this.views.size >= CACHE_LIMIT) this.views.clear();
      view = viewWords([word])[0] as TokenView;
      this.views.set(word, view);
    }
    return view;
  }

  private vectorOf(word: string): Float32Array {
    let vector = this.cache.get(word);
    if (!vector) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      vector = this.sumRoles(wordRoleFeatures(word));
      this.cache.set(word, vector);
    }
    return vector;
  }

  private sumRoles(roles: Record<Role, string[]>): Float32Array {
    const vector = new Float32Array(R * T);
    const { rows, emissions } = this.weights;
    for (const role of ROLES) {
      const base = ROLE_INDEX[role] * T;
      for (const feature of roles[role]) {
        const row = rows.get(feature);
        if (row === undefined) continue;
        for (let t = 0; t < T; t++) vector[base + t] = (vector[base + t] as number) + (emissions[row + t] as number);
      }
    }
    return vector;
  }

  private addRole(scores: Float64Array, base: number, vector: Float32Array, role: Role): void {
    this.addSlice(scores, base, vector, ROLE_INDEX[role] * T);
  }

  private addSlice(scores: Float64Array, base: number, vector: Float32Array, offset: number): void {
    for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (vector[offset + t] as number);
  }

  private addFeatures(scores: Float64Array, base: number, features: readonly string[]): void {
    const { rows, emissions } = this.weights;
    for (const feature of features) {
      const row = rows.get(feature);
      if (row === undefined) continue;
      for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (emissions[row + t] as number);
    }
  }
}
