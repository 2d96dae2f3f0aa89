/**
 * Word clusters: each common English word mapped to a coarse and a fine cluster of words used alike
 * (k-means over GloVe vectors). Models use cluster ids as features so that what they learn about
 * `brutal` carries over to `savage` and `vicious`, words the training data may never show.
 */
import { LedeError } from '../../errors.js';
import { modelPath, readModelText } from '../../resources/index.js';

export const WORD_CLUSTERS_PATH = modelPath('word-clusters.tsv.gz');

export interface WordClusters {
  /** Cluster counts, coarse then fine. */
  sizes: number[];
  /** Lower-cased word -> [coarse, fine]. */
  of(word: string): readonly [number, number] | undefined;
}

const cache = new Map<string, WordClusters>();

/** Reads the shipped table once per process (`# ` lines are provenance; then `word<TAB>coarse<TAB>fine`). */
export function loadWordClusters(path = WORD_CLUSTERS_PATH): WordClusters {
  const hit = cache.get(path);
  if (hit) return hit;
  const text = readModelText(path, 'word clusters', 'lede train word-clusters');
  // Packed as coarse * 65536 + fine: one number a word; the table takes about 8 MB of heap per thread.
  const packed = new Map<string, number>();
  let sizes: number[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# sizes ')) sizes = line.slice(8).split(' ').map(Number);
    if (!line || line.startsWith('#')) continue;
    const [word, coarse, fine] = line.split('\t');
    if (word && coarse && fine) packed.set(word, Number(coarse) * 65536 + Number(fine));
  }
  if (sizes.length !== 2 || packed.size === 0)
    throw new LedeError('MODEL_MISSING', `${path} is not a word-cluster table`);
  const clusters: WordClusters = {
    sizes,
    of(word) {
      const value = packed.get(word);
      return value === undefined ? undefined : [Math.floor(value / 65536), value % 65536];
    },
  };
  cache.set(path, clusters);
  return clusters;
}
