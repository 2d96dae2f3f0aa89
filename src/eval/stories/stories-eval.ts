import type { Doc } from '../../model/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { formatScoreTable } from '../score.js';
import { type ClusteringScore, evaluateStories } from './evaluate.js';

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
      const result = await evaluateStories({ data: options.data, split: options.split ?? 'dev', analyse });
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
        `Online B-cubed F1 over ${result.online.length} arrival orders: mean ${result.onlineSpread.mean.bcubed.f1.toFixed(4)}, lowest ${result.onlineSpread.minF1.toFixed(4)}, highest ${result.onlineSpread.maxF1.toFixed(4)}`,
        '',
        'method / order              threshold  clusters  cross-topic clusters',
        ...result.online.map(
          ({ order, score }) =>
            `online ${order.padEnd(20)} ${score.threshold.toFixed(2).padStart(9)} ${String(score.clusters).padStart(9)} ${String(score.mixed).padStart(9)}`,
        ),
        `${'baseline avg-link'.padEnd(27)} ${result.baseline.threshold.toFixed(2).padStart(9)} ${String(result.baseline.clusters).padStart(9)} ${String(result.baseline.mixed).padStart(9)}`,
        '',
        `Thresholds tuned on train: online ${result.tuning.online.threshold} (B-cubed F1 ${result.tuning.online.bcubed.f1.toFixed(4)}), baseline ${result.tuning.baseline.threshold} (B-cubed F1 ${result.tuning.baseline.bcubed.f1.toFixed(4)})`,
      ];
      return { text: lines.join('\n'), json: result };
    },
  };
}
