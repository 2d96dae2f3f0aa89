/**
 * Trains the entity tagger on CoNLL-2003 train: features are computed once per token (names induced
 * from training data come from the other folds only, so their weights are learnt as they will
 * behave on unseen text), then averaged-perceptron epochs over a seeded shuffle.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  augmentWithArabicNames,
  buildGazetteer,
  type ConllDocument,
  collectDocumentStats,
  decodeBilou,
  type EntityModelFile,
  encodeBilou,
  entitiesFromIob,
  extraFeatures,
  type NameList,
  PerceptronTrainer,
  sentenceFeatures,
  splitOnSpaces,
  TAGS,
  type TokenEntity,
  tokenizeName,
} from '../../nlp/entities/index.js';
import { seededRandom } from '../../nlp/index.js';
import { loadWordClusters, WORD_CLUSTERS_PATH } from '../../nlp/word-clusters/index.js';

export interface TrainEntityOptions {
  train: ConllDocument[];
  /** Scored after each epoch, for the log only. */
  dev?: ConllDocument[];
  listed: NameList[];
  epochs: number;
  seed: number;
  /** Features seen fewer times in training are dropped. */
  minCount: number;
  folds: number;
  /** Averaged weights smaller than this are not shipped. */
  prune: number;
  log: (line: string) => void;
  /** Synthetic Arabic-style person names in copies of some training sentences. */
  augment?: { givenNames: string[]; surnames: string[]; orgHeads: string[]; placeHeads: string[]; rate: number };
}

interface Example {
  features: Int32Array[];
  gold: number[];
}

/** Names of each type in a set of documents, as space-joined token sequences. */
export function induceNames(docs: readonly ConllDocument[]): NameList[] {
  const byLabel = new Map<string, Set<string>>();
  const add = (label: string, name: string) => {
    const names = byLabel.get(label) ?? new Set<string>();
    names.add(name);
    byLabel.set(label, names);
  };
  for (const doc of docs) {
    for (const sentence of doc.sentences) {
      for (const entity of entitiesFromIob(sentence.tags)) {
        const words = sentence.words.slice(entity.start, entity.end);
        add(entity.label, words.join(' '));
        // First and last words of longer names (given names, surnames, `Corp`, `Party`) generalise further.
        if (words.length > 1) {
          add(`${entity.label}_first`, words[0] as string);
          add(`${entity.label}_last`, words[words.length - 1] as string);
        }
      }
    }
  }
  return [...byLabel]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, names]) => ({ label, names: [...names].sort() }));
}

export function trainEntityTagger(options: TrainEntityOptions): EntityModelFile {
  const { train, folds, log } = options;
  const listed = buildGazetteer(options.listed, tokenizeName);

  const index = new Map<string, number>();
  const counts: number[] = [];
  const intern = (feature: string, grow: boolean): number => {
    let id = index.get(feature);
    if (id === undefined) {
      if (!grow) return -1;
      id = counts.length;
      index.set(feature, id);
      counts.push(0);
    }
    if (grow) counts[id] = (counts[id] as number) + 1;
    return id;
  };
  const featurise = (docs: readonly ConllDocument[], names: NameList[], grow: boolean): Example[] => {
    const induced = buildGazetteer(names, splitOnSpaces);
    return docs.flatMap((doc) => {
      const stats = collectDocumentStats(doc.sentences.map((sentence) => sentence.words));
      return doc.sentences.map((sentence) => {
        const features = sentenceFeatures(sentence.words, extraFeatures({ listed, induced }, stats, sentence.words));
        return {
          features: features.map((list) => Int32Array.from(list, (feature) => intern(feature, grow))),
          gold: encodeBilou(entitiesFromIob(sentence.tags), sentence.words.length),
        };
      });
    });
  };

  const examples: Example[] = [];
  const augmentRandom = seededRandom(options.seed + 1);
  for (let fold = 0; fold < folds; fold++) {
    const original = train.filter((_, i) => i % folds === fold);
    const held = options.augment
      ? augmentWithArabicNames(original, { ...options.augment, random: augmentRandom })
      : original;
    const rest = train.filter((_, i) => i % folds !== fold);
    examples.push(...featurise(held, induceNames(rest), true));
  }
  const keep = counts.map((count) => count >= options.minCount);
  for (const example of examples) {
    example.features = example.features.map((ids) => ids.filter((id) => keep[id]));
  }
  const dev = options.dev ? featurise(options.dev, induceNames(train), false) : [];
  for (const example of dev) example.features = example.features.map((ids) => ids.filter((id) => id >= 0 && keep[id]));
  log(`${examples.length} sentences, ${keep.filter(Boolean).length} of ${counts.length} features kept`);

  const trainer = new PerceptronTrainer(counts.length);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let wrong = 0;
    for (const i of order) {
      const example = examples[i] as Example;
      if (trainer.learn(example.features, example.gold)) wrong++;
    }
    const devNote = dev.length > 0 ? `, dev micro F1 ${scoreExamples(trainer, dev).toFixed(4)} (raw weights)` : '';
    log(`epoch ${epoch}: ${wrong} of ${examples.length} training sentences wrong${devNote}`);
  }

  const averaged = trainer.averaged();
  const scale = 1000;
  const features: string[] = [];
  const emissions: number[] = [];
  const size = TAGS.length;
  for (const [feature, id] of index) {
    if (!keep[id]) continue;
    const pairs: number[] = [];
    for (let t = 0; t < size; t++) {
      const weight = averaged.emissions[id * size + t] as number;
      if (Math.abs(weight) >= options.prune) pairs.push(t, Math.round(weight * scale));
    }
    if (pairs.length === 0) continue;
    features.push(feature);
    emissions.push(pairs.length / 2, ...pairs);
  }
  log(`${features.length} features shipped`);
  return {
    format: 'lede-entities',
    version: 1,
    tags: [...TAGS],
    scale,
    transitions: Array.from(averaged.transitions, (weight) => Math.round(weight * scale)),
    features,
    emissions,
    listed: options.listed.map(({ label, names }) => ({ label, names: [...names] })),
    induced: induceNames(train),

    trainedOn: {
      data: 'CoNLL-2003 train',
      sentences: examples.length,
      epochs: options.epochs,
      seed: options.seed,
      minCount: options.minCount,
      folds,
      prune: options.prune,
      augmentRate: options.augment?.rate ?? 0,
      // The cluster features mean what this table says: a rebuilt table needs a retrained tagger.
      wordClusters: {
        sizes: loadWordClusters().sizes,
        sha256: createHash('sha256').update(readFileSync(WORD_CLUSTERS_PATH)).digest('hex'),
      },
    },
  };
}

/** Entity-level micro F1 of the current (not averaged) weights: a progress signal while training. */
function scoreExamples(trainer: PerceptronTrainer, examples: readonly Example[]): number {
  let tp = 0;
  let predictedCount = 0;
  let goldCount = 0;
  for (const example of examples) {
    const key = (entity: TokenEntity) => `${entity.start}:${entity.end}:${entity.label}`;
    const gold = new Set(decodeBilou(example.gold).map(key));
    const predicted = decodeBilou(trainer.predict(example.features)).map(key);
    goldCount += gold.size;
    predictedCount += predicted.length;
    for (const entity of predicted) if (gold.has(entity)) tp++;
  }
  return (2 * tp) / Math.max(1, goldCount + predictedCount);
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
