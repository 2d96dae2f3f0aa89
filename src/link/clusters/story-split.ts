/** Stories from this size up are checked for a split after refinement, and up to SPLIT_MAX_MEMBERS (the bisection is cubic). */
export const SPLIT_MIN_MEMBERS = 4;
export const SPLIT_MAX_MEMBERS = 300;

/** Mean link probability between two halves of a story under which they become two stories: more likely apart than together. */
const SPLIT_PROBABILITY = 0.5;

/**
 * For a story of `size` members and their pairwise link probability: the positions of the members
 * to move to a story of their own, or null when it stays whole.
 */
export function halfToSplit(size: number, probability: (i: number, j: number) => number): number[] | null {
  if (size < SPLIT_MIN_MEMBERS || size > SPLIT_MAX_MEMBERS) return null;
  const matrix = Array.from({ length: size }, () => new Float64Array(size));
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) {
      const value = probability(i, j);
      (matrix[i] as Float64Array)[j] = value;
      (matrix[j] as Float64Array)[i] = value;
    }
  return weakerHalf(matrix, SPLIT_PROBABILITY);
}

/**
 * The smaller half of a group of items bisected by average link over their pairwise similarities,
 * when the two halves are on average less similar than `under`; else null (fewer than two items,
 * or halves that belong together).
 */
export function weakerHalf(similarity: readonly Float64Array[], under: number): number[] | null {
  const groups = bisect(similarity);
  if (!groups) return null;
  const [small, large] = groups[0].length <= groups[1].length ? groups : [groups[1], groups[0]];
  let cross = 0;
  for (const i of small) for (const j of large) cross += (similarity[i] as Float64Array)[j] as number;
  return cross / (small.length * large.length) < under ? small : null;
}

/** Average-link agglomeration over a similarity matrix down to two groups (null for fewer than two items). */
export function bisect(similarity: readonly Float64Array[]): [number[], number[]] | null {
  const n = similarity.length;
  if (n < 2) return null;
  const sim = similarity.map((row) => Float64Array.from(row));
  const groups: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  for (let left = n; left > 2; left--) {
    let best = -Infinity;
    let a = -1;
    let b = -1;
    for (let i = 0; i < n; i++) {
      if (!groups[i]) continue;
      const row = sim[i] as Float64Array;
      for (let j = i + 1; j < n; j++)
        if (groups[j] && (row[j] as number) > best) {
          best = row[j] as number;
          a = i;
          b = j;
        }
    }
    const sa = (groups[a] as number[]).length;
    const sb = (groups[b] as number[]).length;
    for (let k = 0; k < n; k++) {
      if (!groups[k] || k === a || k === b) continue;
      const value =
        (sa * ((sim[a] as Float64Array)[k] as number) + sb * ((sim[b] as Float64Array)[k] as number)) / (sa + sb);
      (sim[a] as Float64Array)[k] = value;
      (sim[k] as Float64Array)[a] = value;
    }
    groups[a] = [...(groups[a] as number[]), ...(groups[b] as number[])];
    groups[b] = null;
  }
  const [first, second] = groups.filter((group): group is number[] => group !== null);
  return [first as number[], second as number[]];
}
