import type { StoryTerms } from '../../link/clusters/index.js';
import type { Doc } from '../../model/index.js';
import { fitLinkModel } from '../../train/stories/fit-link-model.js';
import type { NewsRecord } from '../news-data.js';
import { type ClusteringScore, clusterOnline, meanScore, ORDERS, orderOf, scoreOf } from './evaluate.js';

export interface FoldScore {
  topics: string[];
  docs: number;
  /** With the link model learnt on the other folds. */
  model: { mean: ClusteringScore; minF1: number; maxF1: number; cutoff: number };
  /** Words alone at the shipped threshold, for comparison. */
  words: { mean: ClusteringScore; minF1: number };
}

const FOLDS = 5;

/**
 * Five-fold cross-validation over the topics of ECB+ train: the link model is learnt on four folds
 * (weights and cutoff) and scored on the fifth over every arrival order, its document frequencies
 * warmed with the other folds' text as a store's earlier documents would warm them.
 */
export function crossValidateLinkModel(
  docs: readonly Doc[],
  records: readonly NewsRecord[],
  terms: readonly StoryTerms[],
  wordsThreshold: number,
  log?: (line: string) => void,
): FoldScore[] {
  const topics = [...new Set(records.map((record) => record.topic ?? ''))].sort((a, b) => Number(a) - Number(b));
  const foldOf = new Map(topics.map((topic, i) => [topic, i % FOLDS]));
  const folds: FoldScore[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = records.flatMap((record, i) => (foldOf.get(record.topic ?? '') === fold ? [i] : []));
    const rest = records.flatMap((record, i) => (foldOf.get(record.topic ?? '') === fold ? [] : [i]));
    const pick = <T>(items: readonly T[], positions: number[]) => positions.map((i) => items[i] as T);
    const model = fitLinkModel(
      pick(docs, rest),
      pick(records, rest).map((record) => record.cluster ?? record.id),
      { terms: pick(terms, rest) },
    );
    const heldDocs = pick(docs, held);
    const heldRecords = pick(records, held);
    const run = (options: Parameters<typeof clusterOnline>[2]) =>
      ORDERS.map(({ seed }) =>
        scoreOf(
          heldRecords,
          clusterOnline(heldDocs, orderOf(heldDocs.length, seed), options, pick(terms, held), pick(terms, rest)),
          options.threshold ?? 0,
        ),
      );
    const withModel = run({ linkModel: model, threshold: model.cutoff });
    const wordsAlone = run({ linkModel: null, threshold: wordsThreshold });
    const f1s = withModel.map((score) => score.bcubed.f1);
    folds.push({
      topics: [...new Set(heldRecords.map((record) => record.topic ?? ''))],
      docs: held.length,
      model: { mean: meanScore(withModel), minF1: Math.min(...f1s), maxF1: Math.max(...f1s), cutoff: model.cutoff },
      words: { mean: meanScore(wordsAlone), minF1: Math.min(...wordsAlone.map((score) => score.bcubed.f1)) },
    });
    const last = folds[folds.length - 1] as FoldScore;
    log?.(
      `fold ${fold + 1}: ${last.docs} documents, model mean ${last.model.mean.bcubed.f1.toFixed(4)} lowest ${last.model.minF1.toFixed(4)}, words alone mean ${last.words.mean.bcubed.f1.toFixed(4)} lowest ${last.words.minF1.toFixed(4)}`,
    );
  }
  return folds;
}
