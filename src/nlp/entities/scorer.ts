/**
 * Fast emission scores: the features that depend on one word only are summed once per distinct
 * word and role and cached, so a token costs five cached vectors plus its few context, list and
 * document features. The result equals `scoreEmissions(weights, sentenceFeatures(...))`.
 */
import {
  contextFeatures,
  END_ROLES,
  isHeadline,
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
const CACHE_LIMIT = 100_000;

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
      this.addFeatures(scores, base, contextFeatures(words, i, views));
      this.addFeatures(scores, base, extra[i] ?? []);
    }
    return scores;
  }

  private readonly views = new Map<string, TokenView>();

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
    const offset = ROLE_INDEX[role] * T;
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
