import type { Doc } from '../../model/index.js';
import { loadStopwords } from './story-terms.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** Unit TF-IDF vectors over content words, with document frequencies from the whole batch. */
export function tfidfVectors(texts: readonly string[], stopwords = loadStopwords()): Map<string, number>[] {
  const counts = texts.map((text) => {
    const map = new Map<string, number>();
    for (const word of text.toLowerCase().match(WORD) ?? []) {
      if (stopwords.has(word) || word.length < 2) continue;
      map.set(word, (map.get(word) ?? 0) + 1);
    }
    return map;
  });
  const df = new Map<string, number>();
  for (const map of counts) for (const term of map.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  return counts.map((map) => {
    const vector = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of map) {
      const weight = (1 + Math.log(count)) * (Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1);
      vector.set(term, weight);
      sum += weight * weight;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** The merges of average-link agglomerative clustering, highest similarity first (heights never rise). */
export interface Dendrogram {
  size: number;
  merges: { a: number; b: number; similarity: number }[];
}

/** Average-link clustering over cosine similarity, by the Lance–Williams update: O(n³), for batches up to a few thousand. */
export function averageLinkDendrogram(vectors: readonly Map<string, number>[]): Dendrogram {
  const n = vectors.length;
  const sim = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const value = dot(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>);
      (sim[i] as Float64Array)[j] = value;
      (sim[j] as Float64Array)[i] = value;
    }
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Dendrogram['merges'] = [];
  for (let step = 0; step < n - 1; step++) {
    let best = -Infinity;
    let a = -1;
    let b = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sim[i] as Float64Array;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && (row[j] as number) > best) {
          best = row[j] as number;
          a = i;
          b = j;
        }
      }
    }
    merges.push({ a, b, similarity: best });
    const sa = size[a] as number;
    const sb = size[b] as number;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const value = (sa * (sim[a] as Float64Array)[k]! + sb * (sim[b] as Float64Array)[k]!) / (sa + sb);
      (sim[a] as Float64Array)[k] = value;
      (sim[k] as Float64Array)[a] = value;
    }
    alive[b] = false;
    size[a] = sa + sb;
  }
  return { size: n, merges };
}

/** Cuts a dendrogram: merges at or above the threshold are kept; returns a cluster number per item. */
export function cutDendrogram(dendrogram: Dendrogram, threshold: number): number[] {
  const parent = Array.from({ length: dendrogram.size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] as number] as number;
    return x;
  };
  for (const merge of dendrogram.merges) {
    if (merge.similarity < threshold) break;
    parent[find(merge.b)] = find(merge.a);
  }
  return parent.map((_, i) => find(i));
}

/** The TF-IDF average-link baseline over documents' clean text. */
export function averageLinkClusters(docs: readonly Pick<Doc, 'text'>[], threshold: number): number[] {
  const vectors = tfidfVectors(docs.map((doc) => doc.text));
  return cutDendrogram(averageLinkDendrogram(vectors), threshold);
}
