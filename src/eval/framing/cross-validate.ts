/**
 * k-fold cross-validation by article over the PTC training set: every article is tagged by models
 * that never saw it, then span identification (official SI measure), Loaded_Language spans and
 * technique classification (on gold spans, as in the task) are scored at every threshold, beside
 * two lexicon baselines scored the same way.
 */

import { seededRandom } from '../../nlp/index.js';
import {
  type Decoding,
  FeatureExtractor,
  FramingDetector,
  type FramingLexicons,
  type LoadedFinding,
  shuffleInPlace,
  TECHNIQUES,
  termCategory,
  tokenRange,
  type WordToken,
} from '../../nlp/loaded/index.js';
import { type TrainSettings, trainFramingModels } from '../../train/framing/train.js';
import type { PtcArticle } from './ptc.js';
import { type SiScore, SpanIdentificationScorer } from './si-score.js';

export interface OperatingPoint {
  decoding: Decoding;
  spans: SiScore;
  loaded: SiScore;
}

export interface TechniqueScores {
  micro: number;
  macro: number;
  perClass: { technique: string; f1: number; gold: number }[];
}

export interface HeldOut {
  article: PtcArticle;
  probabilities: Float32Array;
  detector: FramingDetector;
}

export interface CrossValidation {
  /** Every article with the token probabilities of the fold model that never saw it. */
  held: HeldOut[];
  folds: number;
  articles: number;
  tokens: number;
  points: OperatingPoint[];
  techniques: TechniqueScores;
  baselines: { name: string; spans: SiScore; loaded: SiScore }[];
  /** Tagging speed of the held-out passes, tokens per second on one core. */
  tokensPerSecond: number;
}

export const THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
export const EXTENDS = [1, 0.6, 0.4];
export const LISTED_FLOORS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
export const NEVER = 2;

/** Scores one decoding of the held-out articles. */
export function scoreDecoding(held: readonly HeldOut[], decoding: Decoding): OperatingPoint {
  const spans = new SpanIdentificationScorer();
  const loaded = new SpanIdentificationScorer();
  for (const { article, probabilities, detector } of held) {
    scoreArticle(article, detector.findSpans(article.prepared, probabilities, decoding), spans, loaded);
  }
  return { decoding, spans: spans.score(), loaded: loaded.score() };
}

export function crossValidate(
  articles: readonly PtcArticle[],
  lexicons: FramingLexicons,
  settings: TrainSettings,
  folds: number,
  log: (line: string) => void = () => {},
): CrossValidation {
  const order = shuffleInPlace(
    articles.map((_, index) => index),
    seededRandom(settings.seed),
  );
  const foldOf = new Int32Array(articles.length);
  order.forEach((articleIndex, position) => {
    foldOf[articleIndex] = position % folds;
  });
  const held: HeldOut[] = [];
  const confusion = TECHNIQUES.map(() => new Array<number>(TECHNIQUES.length).fill(0));
  let taggedTokens = 0;
  let taggingMs = 0;
  for (let fold = 0; fold < folds; fold++) {
    const training = articles.filter((_, index) => foldOf[index] !== fold);
    const testing = articles.filter((_, index) => foldOf[index] === fold);
    const started = Date.now();
    const models = trainFramingModels(training, new FeatureExtractor(lexicons), settings);
    log(
      `fold ${fold + 1}/${folds}: trained on ${training.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const detector = new FramingDetector(models.token, models.technique, lexicons);
    for (const article of testing) {
      const tagStart = performance.now();
      const probabilities = detector.tokenProbabilities(article.prepared);
      detector.findSpans(article.prepared, probabilities, { loaded: 0.5, other: 0.5, extend: 0.5, listed: 0.5 });
      taggingMs += performance.now() - tagStart;
      taggedTokens += article.prepared.tokens.length;
      held.push({ article, probabilities, detector });
      classifyGoldSpans(article, detector, confusion);
    }
  }
  const points: OperatingPoint[] = [];
  for (const extend of EXTENDS) {
    // Loaded_Language and other spans are decoded apart, so each threshold pair is a cheap union.
    const loadedAt = THRESHOLDS.map((threshold) =>
      held.map(({ article, probabilities, detector }) =>
        detector.findSpans(article.prepared, probabilities, { loaded: threshold, other: NEVER, extend, listed: NEVER }),
      ),
    );
    const otherAt = THRESHOLDS.map((threshold) =>
      held.map(({ article, probabilities, detector }) =>
        detector.findSpans(article.prepared, probabilities, { loaded: NEVER, other: threshold, extend, listed: NEVER }),
      ),
    );
    THRESHOLDS.forEach((loadedThreshold, i) => {
      THRESHOLDS.forEach((otherThreshold, j) => {
        const spans = new SpanIdentificationScorer();
        const loaded = new SpanIdentificationScorer();
        held.forEach(({ article }, a) => {
          const found = [
            ...((loadedAt[i] as LoadedFinding[][])[a] as LoadedFinding[]),
            ...((otherAt[j] as LoadedFinding[][])[a] as LoadedFinding[]),
          ];
          scoreArticle(article, found, spans, loaded);
        });
        points.push({
          decoding: { loaded: loadedThreshold, other: otherThreshold, extend, listed: NEVER },
          spans: spans.score(),
          loaded: loaded.score(),
        });
      });
    });
  }
  return {
    held,
    folds,
    articles: articles.length,
    tokens: articles.reduce((sum, article) => sum + article.prepared.tokens.length, 0),
    points,
    techniques: techniqueScores(confusion),
    baselines: baselines(articles, lexicons),
    tokensPerSecond: taggedTokens / (taggingMs / 1000),
  };
}

function scoreArticle(
  article: PtcArticle,
  found: readonly { start: number; end: number; technique: string }[],
  spans: SpanIdentificationScorer,
  loaded: SpanIdentificationScorer,
): void {
  spans.add(article.spans, found);
  loaded.add(
    article.spans.filter((span) => span.technique === 'Loaded_Language'),
    found.filter((span) => span.technique === 'Loaded_Language'),
  );
}

function classifyGoldSpans(article: PtcArticle, detector: FramingDetector, confusion: number[][]): void {
  const { prepared } = article;
  const lowerText = prepared.text.toLowerCase();
  for (const span of article.spans) {
    const range = tokenRange(prepared.tokens, span.start, span.end);
    const gold = (TECHNIQUES as readonly string[]).indexOf(span.technique);
    if (gold < 0) continue;
    let predicted = TECHNIQUES.indexOf('Loaded_Language');
    if (range) {
      const sentence = prepared.sentences.find((s) => s.from <= range.from && range.from < s.to) ?? range;
      const probabilities = detector.classify(prepared, lowerText, sentence, range.from, range.to);
      predicted = argmaxOf(probabilities);
    }
    (confusion[gold] as number[])[predicted] = ((confusion[gold] as number[])[predicted] as number) + 1;
  }
}

function argmaxOf(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/** Micro F1 (= accuracy, one label per gold span) and macro F1 over the 14 techniques. */
function techniqueScores(confusion: number[][]): TechniqueScores {
  let correct = 0;
  let total = 0;
  const perClass = TECHNIQUES.map((technique, c) => {
    const row = confusion[c] as number[];
    const gold = row.reduce((sum, n) => sum + n, 0);
    const predicted = confusion.reduce((sum, r) => sum + (r[c] as number), 0);
    const tp = row[c] as number;
    correct += tp;
    total += gold;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = gold === 0 ? 0 : tp / gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { technique, f1, gold };
  });
  const macro = perClass.reduce((sum, row) => sum + row.f1, 0) / perClass.length;
  return { micro: total === 0 ? 0 : correct / total, macro, perClass };
}

/** Every token of a lexicon marked as Loaded_Language, adjacent ones joined. */
function baselines(articles: readonly PtcArticle[], lexicons: FramingLexicons): CrossValidation['baselines'] {
  const rules: [string, (lower: string) => boolean][] = [
    ['VADER |valence| >= 2', (lower) => Math.abs(lexicons.valence.get(lower) ?? 0) >= 2],
    ['loaded-terms list', (lower) => termCategory(lexicons, lower) !== undefined],
  ];
  return rules.map(([name, flags]) => {
    const spans = new SpanIdentificationScorer();
    const loaded = new SpanIdentificationScorer();
    for (const article of articles) {
      const found: LoadedFinding[] = [];
      const tokens = article.prepared.tokens;
      for (const sentence of article.prepared.sentences) {
        for (let t = sentence.from; t < sentence.to; t++) {
          if (!flags((tokens[t] as WordToken).text.toLowerCase())) continue;
          const last = found[found.length - 1];
          if (last && last.to === t) {
            last.to = t + 1;
            last.end = (tokens[t] as WordToken).end;
          } else {
            const token = tokens[t] as WordToken;
            found.push({
              start: token.start,
              end: token.end,
              technique: 'Loaded_Language',
              score: 1,
              from: t,
              to: t + 1,
            });
          }
        }
      }
      scoreArticle(article, found, spans, loaded);
    }
    return { name, spans: spans.score(), loaded: loaded.score() };
  });
}
