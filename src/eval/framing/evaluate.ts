/** `lede eval framing`: the cross-validation report, and the operating point `lede train framing` ships. */
import { type Decoding, loadFramingLexicons } from '../../nlp/loaded/index.js';
import { DEFAULT_TRAIN_SETTINGS } from '../../train/framing/train.js';
import type { Evaluation } from '../contract.js';
import {
  type CrossValidation,
  crossValidate,
  LISTED_FLOORS,
  type OperatingPoint,
  scoreDecoding,
} from './cross-validate.js';
import { PTC_DIR, readPtc } from './ptc.js';
import type { SiScore } from './si-score.js';

export const FOLDS = 5;

/**
 * The shipped operating point, precision first since highlights are read as evidence:
 * 1. the Loaded_Language threshold gives the best Loaded_Language F1 among points whose
 *    Loaded_Language precision is at least 0.5;
 * 2. the other-technique threshold then gives the best SI F1 among points whose SI precision is at
 *    least 0.5;
 * 3. the listed-terms floor then gives the best Loaded_Language F1 among floors that keep the
 *    precision of all highlights (SI) at least 0.5; floors within FLOOR_TIE of that F1 count as
 *    equal (five folds cannot tell them apart) and the lowest of them is taken, because the list is
 *    the project's own statement of what is loaded. Listed terms are mostly inside some propaganda
 *    span but often annotated as another technique, so this step trades Loaded_Language precision
 *    for recall of the clearly loaded words the list names; both precisions are reported.
 * Where no point reaches 0.5, the most precise one is taken.
 */
export function chooseOperatingPoint(cv: CrossValidation): { chosen: OperatingPoint; listed: OperatingPoint[] } {
  const points = cv.points;
  const loaded = pickPrecise(points, (point) => point.loaded);
  const sameLoaded = points.filter(
    (point) => point.decoding.loaded === loaded.decoding.loaded && point.decoding.extend === loaded.decoding.extend,
  );
  const base = pickPrecise(sameLoaded, (point) => point.spans);
  const listed = [base, ...LISTED_FLOORS.map((floor) => scoreDecoding(cv.held, { ...base.decoding, listed: floor }))];
  return { chosen: chooseListedFloor(listed), listed };
}

/** Step 3 above: `listed` holds the point without listed terms first, then one point per floor. */
export function chooseListedFloor(listed: readonly OperatingPoint[]): OperatingPoint {
  const evidence = listed.filter((point) => point.spans.precision >= MIN_PRECISION);
  const candidates = evidence.length > 0 ? evidence : listed.slice(0, 1);
  const best = Math.max(...candidates.map((point) => point.loaded.f1));
  return candidates
    .filter((point) => point.loaded.f1 >= best - FLOOR_TIE)
    .sort((a, b) => a.decoding.listed - b.decoding.listed)[0] as OperatingPoint;
}

export const MIN_PRECISION = 0.5;
/** Loaded_Language F1 differences this small between listed-term floors are noise, not a choice. */
export const FLOOR_TIE = 0.005;

function pickPrecise(points: readonly OperatingPoint[], score: (point: OperatingPoint) => SiScore): OperatingPoint {
  const precise = points.filter((point) => score(point).precision >= MIN_PRECISION);
  if (precise.length === 0) {
    return [...points].sort((a, b) => score(b).precision - score(a).precision)[0] as OperatingPoint;
  }
  return [...precise].sort(
    (a, b) => score(b).f1 - score(a).f1 || score(b).precision - score(a).precision,
  )[0] as OperatingPoint;
}

export function formatCrossValidation(cv: CrossValidation, chosen: OperatingPoint, listed: OperatingPoint[]): string {
  const row = (name: string, score: SiScore) =>
    `${name.padEnd(34)} ${score.precision.toFixed(4).padStart(9)} ${score.recall.toFixed(4).padStart(7)} ${score.f1
      .toFixed(4)
      .padStart(7)} ${String(score.predicted).padStart(9)} ${String(score.gold).padStart(6)}`;
  const head = `${'system'.padEnd(34)} precision  recall      f1 predicted   gold`;
  const lines = [
    `Framing: ${cv.folds}-fold cross-validation by article over PTC train (${cv.articles} articles, ${cv.tokens} tokens)`,
    '',
    `Shipped operating point: ${describe(chosen.decoding)}`,
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
    'Without listed terms (first row), then listed terms added at each floor to the shipped thresholds',
    ...listed.map((point) => `  ${describe(point.decoding)}  SI ${fmt(point.spans)}   LL ${fmt(point.loaded)}`),
    '',
    'Best points by F1 (SI all / Loaded_Language: precision recall f1)',
    ...bestPoints(cv.points).map(
      (point) => `  ${describe(point.decoding)}  SI ${fmt(point.spans)}   LL ${fmt(point.loaded)}`,
    ),
    '',
    `Tagging speed (held-out passes, one core): ${Math.round(cv.tokensPerSecond)} tokens/s`,
  ];
  return lines.join('\n');
}

function describe(decoding: Decoding): string {
  const listed = decoding.listed > 1 ? 'off' : `>= ${decoding.listed.toFixed(2)}`;
  return `loaded >= ${decoding.loaded.toFixed(2)}, other >= ${decoding.other.toFixed(2)}, extend x${decoding.extend}, listed ${listed}`;
}

/** The curve a reader needs: for each Loaded_Language threshold, the point with the best SI F1. */
function bestPoints(points: readonly OperatingPoint[]): OperatingPoint[] {
  const best = new Map<string, OperatingPoint>();
  for (const point of points) {
    const key = `${point.decoding.extend}/${point.decoding.loaded}`;
    const current = best.get(key);
    if (!current || point.spans.f1 > current.spans.f1) best.set(key, point);
  }
  return [...best.values()];
}

function fmt(score: SiScore): string {
  return `${score.precision.toFixed(3)} ${score.recall.toFixed(3)} ${score.f1.toFixed(3)}`;
}

/** The figures the shipped model records as measured, from the chosen operating point. */
export function summarise(chosen: OperatingPoint, cv: CrossValidation): Record<string, number> {
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
    const { chosen, listed } = chooseOperatingPoint(cv);
    const { held: _held, ...plain } = cv;
    return {
      text: formatCrossValidation(cv, chosen, listed),
      json: { ...plain, chosen, listed, summary: summarise(chosen, cv) },
    };
  },
};
