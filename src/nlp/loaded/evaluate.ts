/** `lede eval framing` and `lede train framing`: cross-validation report, and the shipped artifact. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Evaluation, Trainer } from '../../eval/registry.js';
import { type CrossValidation, crossValidate, type OperatingPoint } from './cross-validate.js';
import { FeatureExtractor } from './features.js';
import { loadFramingLexicons } from './lexicons.js';
import { DEFAULT_MODEL_PATH, type FramingModel } from './model.js';
import { PTC_DIR, readPtc } from './ptc.js';
import type { SiScore } from './si-score.js';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings, trainFramingModels } from './train.js';

export const FOLDS = 5;

/**
 * The shipped operating point: highlights are read as evidence, so among the points whose
 * Loaded_Language precision is at least 0.5 take the best Loaded_Language F1 (ties: higher precision);
 * if none reaches 0.5, the most precise.
 */
export function chooseOperatingPoint(points: readonly OperatingPoint[]): OperatingPoint {
  const precise = points.filter((point) => point.loaded.precision >= 0.5);
  const pool = precise.length > 0 ? precise : points;
  return [...pool].sort((a, b) =>
    precise.length > 0
      ? b.loaded.f1 - a.loaded.f1 || b.loaded.precision - a.loaded.precision
      : b.loaded.precision - a.loaded.precision,
  )[0] as OperatingPoint;
}

export function formatCrossValidation(cv: CrossValidation, chosen: OperatingPoint): string {
  const row = (name: string, score: SiScore) =>
    `${name.padEnd(34)} ${score.precision.toFixed(4).padStart(9)} ${score.recall.toFixed(4).padStart(7)} ${score.f1
      .toFixed(4)
      .padStart(7)} ${String(score.predicted).padStart(9)} ${String(score.gold).padStart(6)}`;
  const head = `${'system'.padEnd(34)} precision  recall      f1 predicted   gold`;
  const lines = [
    `Framing: ${cv.folds}-fold cross-validation by article over PTC train (${cv.articles} articles, ${cv.tokens} tokens)`,
    '',
    `Shipped operating point: threshold ${chosen.threshold}, labelling "${chosen.labelling}"`,
    head,
    row('span identification (SI, all)', chosen.spans),
    row('Loaded_Language spans', chosen.loaded),
    '',
    'Lexicon baselines (each flagged word is a Loaded_Language span)',
    head,
    ...cv.baselines.flatMap((baseline) => [
      row(`${baseline.name}: SI all`, baseline.spans),
      row(`${baseline.name}: Loaded_Language`, baseline.loaded),
    ]),
    '',
    `Technique classification on gold spans: micro F1 ${cv.techniques.micro.toFixed(4)}, macro F1 ${cv.techniques.macro.toFixed(4)}`,
    ...cv.techniques.perClass.map(
      (entry) => `  ${entry.technique.padEnd(36)} f1 ${entry.f1.toFixed(4)}  (gold ${entry.gold})`,
    ),
    '',
    'Every threshold (SI all / Loaded_Language: precision recall f1)',
    ...cv.points.map(
      (point) =>
        `  ${point.labelling.padEnd(10)} ${point.threshold.toFixed(2)}  SI ${fmt(point.spans)}   LL ${fmt(point.loaded)}`,
    ),
    '',
    `Tagging speed (held-out passes, one core): ${Math.round(cv.tokensPerSecond)} tokens/s`,
  ];
  return lines.join('\n');
}

function fmt(score: SiScore): string {
  return `${score.precision.toFixed(3)} ${score.recall.toFixed(3)} ${score.f1.toFixed(3)}`;
}

function summarise(chosen: OperatingPoint, cv: CrossValidation): Record<string, number> {
  const round = (value: number) => Math.round(value * 10000) / 10000;
  return {
    siPrecision: round(chosen.spans.precision),
    siRecall: round(chosen.spans.recall),
    siF1: round(chosen.spans.f1),
    loadedPrecision: round(chosen.loaded.precision),
    loadedRecall: round(chosen.loaded.recall),
    loadedF1: round(chosen.loaded.f1),
    techniqueMicroF1: round(cv.techniques.micro),
    techniqueMacroF1: round(cv.techniques.macro),
  };
}

export const framingEvaluation: Evaluation = {
  description: 'loaded language and propaganda techniques: SI and technique F1 by 5-fold CV over PTC train',
  async run(options) {
    const articles = readPtc(options.data ?? PTC_DIR, options.limit);
    const cv = crossValidate(articles, loadFramingLexicons(), DEFAULT_TRAIN_SETTINGS, FOLDS, (line) =>
      process.stderr.write(`${line}\n`),
    );
    const chosen = chooseOperatingPoint(cv.points);
    return { text: formatCrossValidation(cv, chosen), json: { ...cv, chosen, summary: summarise(chosen, cv) } };
  },
};

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
    const chosen = chooseOperatingPoint(cv.points);
    log(formatCrossValidation(cv, chosen));
    log('training the shipped model on every article');
    const models = trainFramingModels(articles, new FeatureExtractor(lexicons), settings);
    const model: FramingModel = {
      format: 'lede-framing',
      version: 1,
      seed: settings.seed,
      epochs: settings.epochs,
      threshold: chosen.threshold,
      labelling: chosen.labelling,
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
