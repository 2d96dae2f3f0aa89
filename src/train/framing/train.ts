/** Trains the token tagger and the technique classifier from PTC articles. */

import type { PtcArticle } from '../../eval/framing/ptc.js';
import {
  countOccurrences,
  exportSoftmax,
  type FeatureExtractor,
  type SoftmaxModel,
  type SparseExample,
  TECHNIQUES,
  TOKEN_CLASSES,
  type TrainSettings,
  tokenRange,
  trainSoftmax,
} from '../../nlp/loaded/index.js';

export type { TrainSettings };

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  epochs: 2,
  seed: 13,
  minCount: 2,
  rate: 0.1,
  l2: 1e-5,
  technique: { epochs: 20, rate: 0.05, l2: 3e-4, minCount: 1 },
};

export function trainFramingModels(
  articles: readonly PtcArticle[],
  extractor: FeatureExtractor,
  settings: TrainSettings,
): { token: SoftmaxModel; technique: SoftmaxModel } {
  const eachToken = (visit: (features: string[], label: number) => void): void => {
    for (const article of articles) {
      for (const sentence of article.prepared.sentences) {
        const rows = extractor.sentenceFeatures(article.prepared.tokens.slice(sentence.from, sentence.to));
        rows.forEach((features, i) => {
          visit(features, article.tokenClasses[sentence.from + i] as number);
        });
      }
    }
  };
  const tokenData = encode(eachToken, settings.minCount);
  const tokenWeights = trainSoftmax(tokenData.examples, tokenData.names.length, TOKEN_CLASSES.length, settings);
  const token = exportSoftmax([...TOKEN_CLASSES], tokenData.names, tokenWeights, () => true);

  const spanRows = techniqueExamples(articles, extractor);
  const techniqueData = encode((visit) => {
    for (const row of spanRows) visit(row.features, row.label);
  }, settings.technique.minCount);
  const techniqueWeights = trainSoftmax(techniqueData.examples, techniqueData.names.length, TECHNIQUES.length, {
    ...settings.technique,
    seed: settings.seed,
  });
  const technique = exportSoftmax([...TECHNIQUES], techniqueData.names, techniqueWeights, () => true);
  return { token, technique };
}

/** One example per gold span: the technique classifier learns from the annotated spans themselves. */
export function techniqueExamples(
  articles: readonly PtcArticle[],
  extractor: FeatureExtractor,
): { features: string[]; label: number }[] {
  const examples: { features: string[]; label: number }[] = [];
  for (const article of articles) {
    const { prepared } = article;
    const lowerText = prepared.text.toLowerCase();
    for (const span of article.spans) {
      const range = tokenRange(prepared.tokens, span.start, span.end);
      const label = (TECHNIQUES as readonly string[]).indexOf(span.technique);
      if (!range || label < 0) continue;
      const sentence = prepared.sentences.find((s) => s.from <= range.from && range.from < s.to) ?? range;
      const repeats = countOccurrences(lowerText, prepared.text.slice(span.start, span.end), span.start);
      const features = extractor.spanFeatures(
        prepared.tokens,
        range.from,
        range.to,
        prepared.tokens.slice(sentence.from, sentence.to),
        repeats,
      );
      examples.push({ features, label });
    }
  }
  return examples;
}

/** Maps feature strings to ids, dropping the rare ones; reads the rows twice so they are never all held as strings. */
function encode(
  each: (visit: (features: string[], label: number) => void) => void,
  minCount: number,
): { names: string[]; examples: SparseExample[] } {
  const counts = new Map<string, number>();
  each((features) => {
    for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  });
  const ids = new Map<string, number>();
  const names: string[] = [];
  for (const [feature, count] of counts) {
    if (count < minCount) continue;
    ids.set(feature, names.length);
    names.push(feature);
  }
  const examples: SparseExample[] = [];
  each((features, label) => {
    const encoded: number[] = [];
    for (const feature of features) {
      const id = ids.get(feature);
      if (id !== undefined) encoded.push(id);
    }
    examples.push({ features: Int32Array.from(encoded), label });
  });
  return { names, examples };
}
