import { DEFAULT_STORY_THRESHOLD, extractStoryTerms, loadStopwords } from '../../link/clusters/index.js';
import type { Doc } from '../../model/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { formatScoreTable } from '../score.js';
import { crossValidateLinkModel } from './cross-validate.js';
import { type ClusteringScore, evaluateStories, loadEcbPlus } from './evaluate.js';

function rows(name: string, score: ClusteringScore) {
  return [
    { name: `${name} B-cubed`, score: { ...score.pairwise, ...score.bcubed, tp: 0, fp: 0, fn: 0 } },
    { name: `${name} pairwise`, score: score.pairwise },
  ];
}

/**
 * `lede eval stories`: online story clustering against ECB+ gold event clusters, beside a TF-IDF
 * average-link baseline. `analyse` gives the documents the layers ingest would (the caller owns the
 * pipeline, which sits above link/).
 */
export function createStoriesEvaluation(analyse?: (doc: Doc) => Doc): Evaluation {
  return {
    description: 'online story clustering on ../shared/data/news/ecbplus (dev) beside a TF-IDF average-link baseline',
    async run(options: EvalOptions) {
      if (options.mode === 'cv') return crossValidate(options, analyse);
      const result = evaluateStories({ data: options.data, split: options.split ?? 'dev', analyse });
      const lines = [
        formatScoreTable(
          `ECB+ ${result.split}: ${result.docs} documents${analyse ? ' with every analysis layer' : ''}, ${result.goldClusters} gold clusters (B-cubed rows have no counts)`,
          [
            ...rows(`online mean of ${result.online.length} orders`, result.onlineSpread.mean),
            ...result.online.slice(0, 4).flatMap(({ order, score }) => rows(`online ${order}`, score)),
            ...rows('baseline avg-link', result.baseline),
          ],
        ),
        '',
        result.linkModel
          ? 'Online: words and event signatures weighed by models/story-links.json (lede train stories), its cutoff learnt on train'
          : 'Online: words alone (no models/story-links.json), threshold tuned on train',
        `Online B-cubed F1 over ${result.online.length} arrival orders: mean ${result.onlineSpread.mean.bcubed.f1.toFixed(4)}, lowest ${result.onlineSpread.minF1.toFixed(4)}, highest ${result.onlineSpread.maxF1.toFixed(4)}`,
        '',
        'method / order              threshold  clusters  cross-topic clusters',
        ...result.online.map(
          ({ order, score }) =>
            `online ${order.padEnd(20)} ${score.threshold.toFixed(2).padStart(9)} ${String(score.clusters).padStart(9)} ${String(score.mixed).padStart(9)}`,
        ),
        `${'baseline avg-link'.padEnd(27)} ${result.baseline.threshold.toFixed(2).padStart(9)} ${String(result.baseline.clusters).padStart(9)} ${String(result.baseline.mixed).padStart(9)}`,
        '',
        `Thresholds (train): online ${result.tuning.online.threshold} (B-cubed F1 ${result.tuning.online.bcubed.f1.toFixed(4)}), baseline ${result.tuning.baseline.threshold} (B-cubed F1 ${result.tuning.baseline.bcubed.f1.toFixed(4)})`,
      ];
      return { text: lines.join('\n'), json: result };
    },
  };
}

/** `lede eval stories --mode cv`: the link model learnt on four folds of ECB+ train topics, scored on the fifth. */
async function crossValidate(options: EvalOptions, analyse?: (doc: Doc) => Doc) {
  const train = loadEcbPlus('train', options.data);
  const docs = analyse ? train.docs.map(analyse) : train.docs;
  const stopwords = loadStopwords();
  const terms = docs.map((doc) => extractStoryTerms(doc, stopwords));
  const lines: string[] = [];
  const folds = crossValidateLinkModel(docs, train.records, terms, DEFAULT_STORY_THRESHOLD, (line) => lines.push(line));
  const mean = (pick: (fold: (typeof folds)[number]) => number) =>
    folds.reduce((sum, fold) => sum + pick(fold), 0) / folds.length;
  lines.push(
    '',
    `ECB+ train, 5 folds of topics (${docs.length} documents), B-cubed F1 over 12 arrival orders per fold:`,
    `  link model learnt on the other folds: mean of fold means ${mean((fold) => fold.model.mean.bcubed.f1).toFixed(4)}, mean of fold lowests ${mean((fold) => fold.model.minF1).toFixed(4)}, lowest ${Math.min(...folds.map((fold) => fold.model.minF1)).toFixed(4)}, cross-topic clusters per order ${mean((fold) => fold.model.mean.mixed).toFixed(2)}`,
    `  words alone (threshold ${DEFAULT_STORY_THRESHOLD}): mean of fold means ${mean((fold) => fold.words.mean.bcubed.f1).toFixed(4)}, mean of fold lowests ${mean((fold) => fold.words.minF1).toFixed(4)}, lowest ${Math.min(...folds.map((fold) => fold.words.minF1)).toFixed(4)}, cross-topic clusters per order ${mean((fold) => fold.words.mean.mixed).toFixed(2)}`,
  );
  return { text: lines.join('\n'), json: { folds } };
}
