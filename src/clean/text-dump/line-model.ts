/**
 * The dump line classifier: a first-order linear-chain model over a dump's non-blank lines,
 * emission weights per (feature, role) and role-to-role transitions, decoded with Viterbi.
 * Trained as an averaged structured perceptron by `lede train dump-lines` (src/train/dump-lines/)
 * into models/dump-lines.json.gz.
 */
import { existsSync } from 'node:fs';
import { modelPath, readModelText } from '../../resources/index.js';
import { type DumpLine, dumpLines, lineFeatures } from './line-features.js';

/** Roles a line can take; `meta` is a date or byline line. */
export const LINE_ROLES = ['body', 'headline', 'meta', 'caption', 'boilerplate'] as const;
export type LineRole = (typeof LINE_ROLES)[number];
const R = LINE_ROLES.length;

/** The model file: weights rows per feature, transitions (R + 1) × R (last row: document start). */
export interface LineModelFile {
  version: 1;
  roles: readonly string[];
  functionWords: string[];
  features: Record<string, number[]>;
  transitions: number[];
  /** Weights of the headline ranker's candidate features (headline.ts), `none` for no headline. */
  headline: Record<string, number>;
}

export interface LineModel {
  rows: Map<string, Float64Array>;
  transitions: Float64Array;
  functionWords: ReadonlySet<string>;
  headline: ReadonlyMap<string, number>;
}

export const LINE_MODEL_PATH = modelPath('dump-lines.json.gz');

export function lineModelFromFile(file: LineModelFile): LineModel {
  if (file.roles.join() !== LINE_ROLES.join())
    throw new Error(`dump-lines model roles ${file.roles.join()} are not ${LINE_ROLES.join()}; retrain it`);
  return {
    rows: new Map(Object.entries(file.features).map(([name, row]) => [name, Float64Array.from(row)])),
    transitions: Float64Array.from(file.transitions),
    functionWords: new Set(file.functionWords),
    headline: new Map(Object.entries(file.headline)),
  };
}

let loaded: LineModel | null | undefined;

/** The shipped model, read once; null when none has been trained (the cleaner then keeps its rules alone). */
export function shippedLineModel(): LineModel | null {
  if (loaded === undefined) {
    loaded = existsSync(LINE_MODEL_PATH)
      ? lineModelFromFile(
          JSON.parse(readModelText(LINE_MODEL_PATH, 'dump line model', 'lede train dump-lines')) as LineModelFile,
        )
      : null;
  }
  return loaded;
}

/** Emission scores, n × R. */
export function emissionScores(model: Pick<LineModel, 'rows'>, features: readonly (readonly string[])[]): Float64Array {
  const scores = new Float64Array(features.length * R);
  for (let i = 0; i < features.length; i++) {
    for (const feature of features[i] as string[]) {
      const row = model.rows.get(feature);
      if (!row) continue;
      for (let r = 0; r < R; r++) scores[i * R + r] = (scores[i * R + r] as number) + (row[r] as number);
    }
  }
  return scores;
}

/** The best role sequence (indices into LINE_ROLES) under emission and transition scores. */
export function viterbi(scores: Float64Array, n: number, transitions: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const best = new Float64Array(n * R);
  const back = new Int32Array(n * R);
  for (let r = 0; r < R; r++) best[r] = (scores[r] as number) + (transitions[R * R + r] as number);
  for (let i = 1; i < n; i++) {
    for (let r = 0; r < R; r++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < R; p++) {
        const value = (best[(i - 1) * R + p] as number) + (transitions[p * R + r] as number);
        if (value > top) {
          top = value;
          arg = p;
        }
      }
      best[i * R + r] = top + (scores[i * R + r] as number);
      back[i * R + r] = arg;
    }
  }
  let last = 0;
  for (let r = 1; r < R; r++) if ((best[(n - 1) * R + r] as number) > (best[(n - 1) * R + last] as number)) last = r;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * R + (path[i] as number)] as number;
  return path;
}

/** A classified line: its role and the per-role emission scores (for choosing a headline among lines). */
export interface ClassifiedLine extends DumpLine {
  role: LineRole;
  scores: Record<LineRole, number>;
}

/** Every non-blank line of a dump with its role. */
export function classifyLines(raw: string, model: LineModel): ClassifiedLine[] {
  const lines = dumpLines(raw);
  const features = lineFeatures(lines, model.functionWords);
  const scores = emissionScores(model, features);
  const path = viterbi(scores, lines.length, model.transitions);
  return lines.map((line, i) => {
    const own = {} as Record<LineRole, number>;
    LINE_ROLES.forEach((role, r) => {
      own[role] = scores[i * R + r] as number;
    });
    return { ...line, role: LINE_ROLES[path[i] as number] as LineRole, scores: own };
  });
}
