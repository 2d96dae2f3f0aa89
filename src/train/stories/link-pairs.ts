import { StoryIndex, type StoryTerms } from '../../link/clusters/index.js';
import type { Doc } from '../../model/index.js';
import { seededRandom } from '../../nlp/index.js';

/** Labelled document–story pairs: features as LINK_FEATURES, label 1 when the story's documents report the document's event. */
export interface LinkPairs {
  rows: number[][];
  labels: number[];
}

/**
 * Pairs as the online index meets them: each gold story is cut at random into pieces (stories as
 * they grow, from one document up), the pieces are put into an index in a shuffled order, and every
 * document is compared with the stories the index would compare it with, its own piece counted
 * without it. Several rounds give several cuts.
 */
export function linkPairs(
  docs: readonly Doc[],
  clusters: readonly string[],
  options: { rounds?: number; seed?: number; terms?: readonly StoryTerms[] } = {},
): LinkPairs {
  const rows: number[][] = [];
  const labels: number[] = [];
  const random = seededRandom(options.seed ?? 1);
  for (let round = 0; round < (options.rounds ?? 4); round++) {
    const order = docs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const pieces = new Map<string, number>();
    for (const cluster of new Set(clusters)) pieces.set(cluster, 1 + Math.floor(random() * 4));
    const storyOf = new Map<string, number>();
    const storyCluster: string[] = [];
    const index = new StoryIndex({ linkModel: null });
    for (const position of order) {
      const cluster = clusters[position] as string;
      const key = `${cluster}\u0000${Math.floor(random() * (pieces.get(cluster) as number))}`;
      let story = storyOf.get(key);
      if (story === undefined) {
        story = storyCluster.length;
        storyOf.set(key, story);
        storyCluster.push(cluster);
      }
      index.restore(docs[position] as Doc, story, options.terms?.[position]);
    }
    order.forEach((position, arrival) => {
      for (const { story, features } of index.candidateFeatures(arrival)) {
        rows.push(features);
        labels.push(storyCluster[story] === clusters[position] ? 1 : 0);
      }
    });
  }
  return { rows, labels };
}
