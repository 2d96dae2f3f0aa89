import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LedeError } from '../../errors.js';
import { PROJECT_ROOT } from '../../eval/gold.js';
import type { Decoding } from './detect.js';
import type { SoftmaxModel } from './softmax.js';
import type { TrainSettings } from './train.js';

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

export const DEFAULT_MODEL_PATH = join(PROJECT_ROOT, 'models/framing.json.gz');

const cache = new Map<string, FramingModel>();

export function loadFramingModel(path = DEFAULT_MODEL_PATH): FramingModel {
  const hit = cache.get(path);
  if (hit) return hit;
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw new LedeError('MODEL_MISSING', `framing model not found at ${path}; run \`lede train framing\``, {
      cause: error,
    });
  }
  const model = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as FramingModel;
  if (model.format !== 'lede-framing') throw new LedeError('MODEL_MISSING', `${path} is not a lede framing model`);
  cache.set(path, model);
  return model;
}
