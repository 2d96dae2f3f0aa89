import { join } from 'node:path';
import { cleanRecord } from '../../clean/index.js';
import {
  averageLinkDendrogram,
  cutDendrogram,
  extractStoryTerms,
  loadStopwords,
  StoryIndex,
  type StoryIndexOptions,
  type StoryTerms,
  tfidfVectors,
} from '../../link/clusters/index.js';
import { mix32 } from '../../link/near-duplicates/index.js';
import type { Doc } from '../../model/index.js';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../news-data.js';
import type { PRF } from '../score.js';
import { type BCubed, bcubed, countMixedClusters, pairwise } from './cluster-scores.js';

export interface ClusteringScore {
  threshold: number;
  bcubed: BCubed;
  pairwise: PRF;
  clusters: number;
  /** Predicted clusters that mix documents of different topics. */
  mixed: number;
}

export interface StoriesEvaluation {
  split: string;
  docs: number;
  goldClusters: number;
  /** Online story clustering, threshold tuned on train, in several arrival orders. */
  online: { order: string; score: ClusteringScore }[];
  /** Mean, lowest and highest B-cubed F1 over those orders. */
  onlineSpread: { mean: ClusteringScore; minF1: number; maxF1: number };
  /** TF-IDF average-link, threshold tuned on train. */
  baseline: ClusteringScore;
  tuning: { online: ClusteringScore; baseline: ClusteringScore };
}

export function loadEcbPlus(split: string, data = join(NEWS_DATA, 'ecbplus')): { docs: Doc[]; records: NewsRecord[] } {
  const records = readJsonl<NewsRecord>(join(data, `ecbplus-${split}.jsonl.gz`));
  const docs = records.map((record) =>
    cleanRecord(
      {
        uri: `ecbplus-${split}.jsonl#${record.id}`,
        content: record.text,
        mediaType: 'text/plain',
        externalId: record.id,
        hints: { title: record.title ?? undefined, url: record.url ?? undefined },
      },
      { asCleanText: true },
    ),
  );
  return { docs, records };
}

/** A seeded permutation, so "arrival order" is reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = mix32(state + 0x9e3779b9);
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function scoreOf(records: NewsRecord[], predicted: number[], threshold: number): ClusteringScore {
  const gold = records.map((record) => record.cluster ?? record.id);
  return {
    threshold,
    bcubed: bcubed(gold, predicted),
    pairwise: pairwise(gold, predicted),
    clusters: new Set(predicted).size,
    mixed: countMixedClusters(
      records.map((record) => record.topic ?? ''),
      predicted,
    ),
  };
}

/** Runs the online clustering over the documents in the given order; returns story numbers in the original order. */
export async function clusterOnline(
  docs: readonly Doc[],
  order: readonly number[],
  options: StoryIndexOptions,
  terms?: readonly StoryTerms[],
  background: readonly StoryTerms[] = [],
): Promise<number[]> {
  const index = new StoryIndex(options);
  for (const other of background) index.observe(other);
  const predicted = new Array<number>(docs.length);
  for (const position of order) await index.add(docs[position] as Doc, terms?.[position]);
  // All documents arrive as one batch, as `lede link` sees a store: refine once at its end.
  await index.refine();
  const assignments = index.assignments();
  order.forEach((position, arrival) => {
    predicted[position] = assignments[arrival] as number;
  });
  return predicted;
}

/** File order, then seeded shuffles: one arrival order is one draw, so the evaluation reports several. */
const ORDERS: { name: string; seed: number | null }[] = [
  { name: 'file order', seed: null },
  ...Array.from({ length: 11 }, (_, i) => ({ name: `shuffle ${i + 1}`, seed: i + 1 })),
];

/** Orders over which a threshold is tuned on train. */
const TUNING_ORDERS = 6;

function orderOf(n: number, seed: number | null): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  return seed === null ? identity : shuffled(identity, seed);
}

function thresholds(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/**
 * Tunes each method's threshold on train (best B-cubed F1; for the online method the mean over
 * TUNING_ORDERS arrival orders), then scores both on the evaluation split with those thresholds. The online
 * index's document frequencies are warmed with the other split's text (no labels), as a store's
 * earlier documents would warm them. With `analyse`, documents carry the layers a store's would
 * (entities, dates, quotes), which the story terms use.
 */
export async function evaluateStories(
  options: {
    data?: string;
    split?: string;
    online?: StoryIndexOptions;
    /** Runs the analysis stages over each document, as ingest does before linking. */
    analyse?: (doc: Doc) => Doc;
  } = {},
): Promise<StoriesEvaluation> {
  const split = options.split ?? 'dev';
  const data = options.data;
  const train = loadEcbPlus('train', data);
  const test = loadEcbPlus(split, data);
  if (options.analyse) {
    train.docs = train.docs.map(options.analyse);
    test.docs = test.docs.map(options.analyse);
  }

  const stopwords = loadStopwords();
  const termsOf = (docs: Doc[]) => docs.map((doc) => extractStoryTerms(doc, stopwords, options.online?.weights));
  const trainTerms = termsOf(train.docs);
  const testTerms = termsOf(test.docs);
  let bestOnline: ClusteringScore | undefined;
  for (const threshold of thresholds(0.1, 0.3, 0.02)) {
    const runs: ClusteringScore[] = [];
    for (const { seed } of ORDERS.slice(0, TUNING_ORDERS)) {
      const predicted = await clusterOnline(
        train.docs,
        orderOf(train.docs.length, seed),
        { ...options.online, threshold },
        trainTerms,
        testTerms,
      );
      runs.push(scoreOf(train.records, predicted, threshold));
    }
    const mean = meanScore(runs);
    if (!bestOnline || mean.bcubed.f1 > bestOnline.bcubed.f1) bestOnline = mean;
  }
  const trainDendrogram = averageLinkDendrogram(tfidfVectors(train.docs.map((doc) => doc.text)));
  let bestBaseline: ClusteringScore | undefined;
  for (const threshold of thresholds(0.02, 0.5, 0.01)) {
    const score = scoreOf(train.records, cutDendrogram(trainDendrogram, threshold), threshold);
    if (!bestBaseline || score.bcubed.f1 > bestBaseline.bcubed.f1) bestBaseline = score;
  }
  const onlineThreshold = (bestOnline as ClusteringScore).threshold;
  const baselineThreshold = (bestBaseline as ClusteringScore).threshold;
  const online: { order: string; score: ClusteringScore }[] = [];
  for (const { name, seed } of ORDERS) {
    const predicted = await clusterOnline(
      test.docs,
      orderOf(test.docs.length, seed),
      { ...options.online, threshold: onlineThreshold },
      testTerms,
      trainTerms,
    );
    online.push({ order: name, score: scoreOf(test.records, predicted, onlineThreshold) });
  }
  const testDendrogram = averageLinkDendrogram(tfidfVectors(test.docs.map((doc) => doc.text)));
  const f1s = online.map(({ score }) => score.bcubed.f1);
  return {
    split,
    docs: test.docs.length,
    goldClusters: new Set(test.records.map((record) => record.cluster)).size,
    online,
    onlineSpread: {
      mean: meanScore(online.map(({ score }) => score)),
      minF1: Math.min(...f1s),
      maxF1: Math.max(...f1s),
    },
    baseline: scoreOf(test.records, cutDendrogram(testDendrogram, baselineThreshold), baselineThreshold),
    tuning: { online: bestOnline as ClusteringScore, baseline: bestBaseline as ClusteringScore },
  };
}

function meanScore(runs: ClusteringScore[]): ClusteringScore {
  const mean = (pick: (score: ClusteringScore) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const first = runs[0] as ClusteringScore;
  return {
    threshold: first.threshold,
    bcubed: {
      precision: mean((s) => s.bcubed.precision),
      recall: mean((s) => s.bcubed.recall),
      f1: mean((s) => s.bcubed.f1),
    },
    pairwise: {
      // Counts averaged too (rounded), so the row does not show one order's counts beside the means.
      tp: Math.round(mean((s) => s.pairwise.tp)),
      fp: Math.round(mean((s) => s.pairwise.fp)),
      fn: Math.round(mean((s) => s.pairwise.fn)),
      precision: mean((s) => s.pairwise.precision),
      recall: mean((s) => s.pairwise.recall),
      f1: mean((s) => s.pairwise.f1),
    },
    clusters: mean((s) => s.clusters),
    mixed: mean((s) => s.mixed),
  };
}
