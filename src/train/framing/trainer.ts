/** `lede train framing`: choose the operating point by cross-validation, then train on every article and write the shipped artifact. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Trainer } from '../../eval/contract.js';
import { crossValidate } from '../../eval/framing/cross-validate.js';
import { chooseOperatingPoint, FOLDS, formatCrossValidation, summarise } from '../../eval/framing/evaluate.js';
import { PTC_DIR, readPtc } from '../../eval/framing/ptc.js';
import {
  DEFAULT_MODEL_PATH,
  FeatureExtractor,
  type FramingModel,
  loadFramingLexicons,
} from '../../nlp/loaded/index.js';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings, trainFramingModels } from './train.js';

export const framingTrainer: Trainer = {
  description: 'framing tagger and technique classifier from ../shared/data/propaganda/ptc',
  async run(options, log) {
    const dataDir = options.data ?? PTC_DIR;
    const settings: TrainSettings = {
      ...DEFAULT_TRAIN_SETTINGS,
      ...(options.epochs ? { epochs: options.epochs } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    };
    const lexicons = loadFramingLexicons();
    const articles = readPtc(dataDir);
    log(`choosing the threshold by ${FOLDS}-fold cross-validation over ${articles.length} articles`);
    const cv = crossValidate(articles, lexicons, settings, FOLDS, log);
    const { chosen, listed } = chooseOperatingPoint(cv);
    log(formatCrossValidation(cv, chosen, listed));
    log('training the shipped model on every article');
    const models = trainFramingModels(articles, new FeatureExtractor(lexicons), settings);
    const model: FramingModel = {
      format: 'lede-framing',
      version: 1,
      seed: settings.seed,
      settings,
      decoding: chosen.decoding,
      trainedOn: { dataset: 'propaganda/ptc train.jsonl.gz', articles: articles.length, tokens: cv.tokens },
      measured: summarise(chosen, cv),
      token: models.token,
      technique: models.technique,
    };
    const out = options.out ?? DEFAULT_MODEL_PATH;
    mkdirSync(dirname(out), { recursive: true });
    const json = JSON.stringify(model);
    writeFileSync(out, out.endsWith('.gz') ? gzipSync(json, { level: 9 }) : json);
    return { out };
  },
};
