import { bcubed } from '../../eval/stories/cluster-scores.js';
import { clusterOnline, orderOf } from '../../eval/stories/evaluate.js';
import { LINK_FEATURES, type LinkModel, type StoryTerms } from '../../link/clusters/index.js';
import type { Doc } from '../../model/index.js';
import { linkPairs } from './link-pairs.js';
import { fitLogistic } from './logistic.js';

/** Cutoffs tried on the training documents, and the arrival orders each is scored over. */
const CUTOFFS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const CUTOFF_ORDERS = [null, 1, 2];

/** Mean cosine under which pairs are left out of the fit. */
const NEAR_WORDS = Number(process.env.NEAR_WORDS ?? 0.1);

/**
 * Learns the link model from documents with gold stories: logistic weights from document–story
 * pairs, then the cutoff whose online clustering of the same documents scores best (B-cubed F1,
 * mean over a few arrival orders, the lowest order counting as much as the mean).
 */
export function fitLinkModel(
  docs: readonly Doc[],
  clusters: readonly string[],
  options: { terms?: readonly StoryTerms[]; background?: readonly StoryTerms[]; log?: (line: string) => void } = {},
): LinkModel {
  const pairs = linkPairs(docs, clusters, { terms: options.terms });
  const positives = pairs.labels.filter((label) => label === 1).length;
  options.log?.(`${pairs.rows.length} document–story pairs, ${positives} of the same event`);
  // Pairs far under any cutoff are told apart by words alone; fitted on them, the signature weights
  // would learn the easy cases instead of the topical twins near the decision.
  const near = pairs.rows.flatMap((row, i) => ((row[0] as number) >= NEAR_WORDS ? [i] : []));
  options.log?.(`${near.length} of them with words at or above ${NEAR_WORDS}`);
  const fit = fitLogistic(
    near.map((i) => pairs.rows[i] as number[]),
    near.map((i) => pairs.labels[i] as number),
  );
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  const model: LinkModel = {
    features: [...LINK_FEATURES],
    weights: fit.weights.map(round),
    bias: round(fit.bias),
    cutoff: 0.5,
  };
  let best = -Infinity;
  for (const cutoff of CUTOFFS) {
    const f1s = CUTOFF_ORDERS.map((seed) => {
      const predicted = clusterOnline(
        docs,
        orderOf(docs.length, seed),
        { linkModel: model, threshold: cutoff },
        options.terms,
        options.background,
      );
      return bcubed(clusters as string[], predicted).f1;
    });
    const mean = f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length;
    const objective = (mean + Math.min(...f1s)) / 2;
    options.log?.(`cutoff ${cutoff}: B-cubed F1 mean ${mean.toFixed(4)}, lowest ${Math.min(...f1s).toFixed(4)}`);
    if (objective > best) {
      best = objective;
      model.cutoff = cutoff;
    }
  }
  return model;
}
