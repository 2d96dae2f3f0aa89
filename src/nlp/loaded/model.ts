import { LedeError } from '../../errors.js';
import { modelPath, readModelText } from '../../resources/index.js';
import type { Decoding } from './detect.js';
import type { SoftmaxModel } from './softmax.js';

/** How `lede train framing` trained the shipped model; recorded in it so it can be rebuilt exactly. */
export interface TrainSettings {
  epochs: number;
  seed: number;
  /** A feature must occur this often in the training articles to get a weight. */
  minCount: number;
  rate: number;
  l2: number;
  /** The technique classifier sees ~6k spans, not ~400k tokens: more passes, more smoothing, every feature. */
  technique: { epochs: number; rate: number; l2: number; minCount: number };
}

/** The shipped framing artifact: a token tagger, a technique classifier, and the threshold chosen by cross-validation. */
export interface FramingModel {
  format: 'lede-framing';
  version: 1;
  seed: number;
  /** Everything `lede train framing` used, so the artifact can be rebuilt exactly. */
  settings: TrainSettings;
  /** Thresholds on token probabilities chosen by cross-validation (see detect.ts). */
  decoding: Decoding;
  trainedOn: { dataset: string; articles: number; tokens: number };
  /** Cross-validated figures at `threshold`, written by the trainer. */
  measured?: Record<string, number>;
  token: SoftmaxModel;
  technique: SoftmaxModel;
}

export const DEFAULT_MODEL_PATH = modelPath('framing.json.gz');

const cache = new Map<string, FramingModel>();

export function loadFramingModel(path = DEFAULT_MODEL_PATH): FramingModel {
  const hit = cache.get(path);
  if (hit) return hit;
  const model = readFramingModel(path);
  cache.set(path, model);
  return model;
}

function readFramingModel(path: string): FramingModel {
  const model = JSON.parse(readModelText(path, 'framing model', 'lede train framing')) as FramingModel;
  if (model.format !== 'lede-framing') throw new LedeError('MODEL_MISSING', `${path} is not a lede framing model`);
  return model;
}

const figures = new Map<string, Record<string, number>>();

/**
 * The shipped model's cross-validated figures alone, for reports that show them beside rates: read
 * once per process without keeping the weights (about 19 MB of heap once parsed).
 */
export function loadFramingFigures(path = DEFAULT_MODEL_PATH): Record<string, number> {
  let measured = figures.get(path);
  if (!measured) {
    measured = (cache.get(path) ?? readFramingModel(path)).measured ?? {};
    figures.set(path, measured);
  }
  return measured;
}
