import { type PRF, prf } from '../score.js';

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed precision and recall, averaged over items: how much of each item's predicted cluster shares its gold cluster, and the reverse. */
export function bcubed(gold: readonly string[], predicted: readonly (string | number)[]): BCubed {
  const n = gold.length;
  const joint = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  const predictedSizes = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${gold[i]}\u0000${predicted[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    goldSizes.set(gold[i] as string, (goldSizes.get(gold[i] as string) ?? 0) + 1);
    predictedSizes.set(predicted[i] as string | number, (predictedSizes.get(predicted[i] as string | number) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const shared = joint.get(`${gold[i]}\u0000${predicted[i]}`) as number;
    precision += shared / (predictedSizes.get(predicted[i] as string | number) as number);
    recall += shared / (goldSizes.get(gold[i] as string) as number);
  }
  precision /= n || 1;
  recall /= n || 1;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Pairwise counts: a pair of items is a true positive when both partitions put it together. */
export function pairwise(gold: readonly string[], predicted: readonly (string | number)[]): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const sameGold = gold[i] === gold[j];
      const samePredicted = predicted[i] === predicted[j];
      if (sameGold && samePredicted) tp++;
      else if (samePredicted) fp++;
      else if (sameGold) fn++;
    }
  }
  return prf({ tp, fp, fn });
}

/** Predicted clusters holding documents of more than one coarse gold group (topic). */
export function countMixedClusters(coarse: readonly string[], predicted: readonly (string | number)[]): number {
  const topics = new Map<string | number, Set<string>>();
  coarse.forEach((topic, i) => {
    const set = topics.get(predicted[i] as string | number) ?? new Set<string>();
    set.add(topic);
    topics.set(predicted[i] as string | number, set);
  });
  return [...topics.values()].filter((set) => set.size > 1).length;
}
