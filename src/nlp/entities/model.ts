/**
 * The shipped entity model: perceptron weights plus the name lists their gazetteer features were
 * trained with, read from one gzipped JSON artifact and tagged sentence by sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LedeError } from '../../errors.js';
import type { TokenEntity } from './conll.js';
import { collectDocumentStats, type DocumentStats, documentFeatures } from './document-features.js';
import { buildGazetteer, type Gazetteer, gazetteerFeatures, gazetteerKeys, type NameList } from './gazetteer.js';
import { type TaggerWeights, viterbi } from './perceptron.js';
import { EmissionScorer } from './scorer.js';
import { decodeBilou, encodeBilou, LABELS, TAGS } from './tags.js';
import { tokenizeName } from './tokenize.js';

export interface EntityModel {
  weights: TaggerWeights;
  scorer: EmissionScorer;
  /** Curated lists (countries, demonyms, the project's own) and names induced from training data. */
  listed: Gazetteer;
  induced: Gazetteer;
}

/** What the artifact holds, as plain JSON. */
export interface EntityModelFile {
  format: 'lede-entities';
  version: 1;
  tags: string[];
  /** Weights are stored as integers: value / scale. */
  scale: number;
  transitions: number[];
  features: string[];
  /** Per feature, in order: count of pairs, then (tag, weight) pairs. */
  emissions: number[];
  listed: NameList[];
  induced: NameList[];
  trainedOn: Record<string, unknown>;
}

export function extraFeatures(
  model: Pick<EntityModel, 'listed' | 'induced'>,
  stats: DocumentStats,
  words: readonly string[],
): string[][] {
  const keys = gazetteerKeys(words);
  const listed = gazetteerFeatures(model.listed, words, 'g', keys);
  const induced = gazetteerFeatures(model.induced, words, 't', keys);
  const fromDocument = documentFeatures(stats, words);
  return words.map((_, i) => [
    ...(listed[i] as string[]),
    ...(induced[i] as string[]),
    ...(fromDocument[i] as string[]),
  ]);
}

/**
 * Entities per sentence of one document, each over token indices of its sentence. `stats` default to
 * the sentences' own; passages outside the text (a headline) are tagged with the whole document's.
 */
export function tagDocument(
  model: EntityModel,
  sentences: readonly (readonly string[])[],
  stats: DocumentStats = collectDocumentStats(sentences),
): TokenEntity[][] {
  return tagDocumentScored(model, sentences, stats).entities;
}

/**
 * `tagDocument`, with what the model thinks of each entity's type: per entity, in `LABELS` order,
 * the score of its path with the span read as that type and every other tag as decoded. One
 * mention says little (`Ruch` at a sentence start); a document's mentions of one name add up.
 */
export function tagDocumentScored(
  model: EntityModel,
  sentences: readonly (readonly string[])[],
  stats: DocumentStats = collectDocumentStats(sentences),
): { entities: TokenEntity[][]; typeScores: number[][][] } {
  const entities: TokenEntity[][] = [];
  const typeScores: number[][][] = [];
  for (const words of sentences) {
    const scores = model.scorer.score(words, extraFeatures(model, stats, words));
    const path = viterbi(scores, words.length, model.weights.transitions);
    const found = decodeBilou(path);
    entities.push(found);
    typeScores.push(found.map((entity) => spanTypeScores(scores, path, entity, model.weights.transitions)));
  }
  return { entities, typeScores };
}

const T = TAGS.length;

/** The part of a path's score that changes with the span's type: its emissions and the transitions into, inside and out of it. */
function spanTypeScores(
  scores: Float64Array,
  path: readonly number[],
  entity: TokenEntity,
  transitions: ArrayLike<number>,
): number[] {
  const length = entity.end - entity.start;
  return LABELS.map((label) => {
    const tags = encodeBilou([{ start: 0, end: length, label }], length);
    let total = 0;
    let previous = entity.start > 0 ? (path[entity.start - 1] as number) : T;
    tags.forEach((tag, k) => {
      total += (scores[(entity.start + k) * T + tag] as number) + (transitions[previous * T + tag] as number);
      previous = tag;
    });
    if (entity.end < path.length) total += transitions[previous * T + (path[entity.end] as number)] as number;
    return total;
  });
}

export function writeEntityModel(path: string, file: EntityModelFile): void {
  writeFileSync(path, gzipSync(JSON.stringify(file), { level: 9 }));
}

export function readEntityModel(path: string): EntityModel {
  let file: EntityModelFile;
  try {
    file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as EntityModelFile;
  } catch (error) {
    throw new LedeError('MODEL_MISSING', `cannot read the entity model ${path}; run \`lede train entities\``, {
      cause: error,
    });
  }
  return entityModelFromFile(file);
}

/** Induced names are CoNLL token sequences joined by spaces. */
export function splitOnSpaces(name: string): string[] {
  return name.split(' ');
}

export function entityModelFromFile(file: EntityModelFile): EntityModel {
  if (file.format !== 'lede-entities' || file.tags.join() !== TAGS.join()) {
    throw new LedeError('MODEL_MISSING', 'the entity model was made by an incompatible version; retrain it');
  }
  const size = TAGS.length;
  const rows = new Map<string, number>();
  const emissions = new Float32Array(file.features.length * size);
  let cursor = 0;
  file.features.forEach((feature, index) => {
    const row = index * size;
    rows.set(feature, row);
    const pairs = file.emissions[cursor++] as number;
    for (let k = 0; k < pairs; k++) {
      emissions[row + (file.emissions[cursor] as number)] = (file.emissions[cursor + 1] as number) / file.scale;
      cursor += 2;
    }
  });
  const transitions = Float32Array.from(file.transitions, (value) => value / file.scale);
  const weights = { rows, emissions, transitions };
  return {
    weights,
    scorer: new EmissionScorer(weights),
    listed: buildGazetteer(file.listed, tokenizeName),
    induced: buildGazetteer(file.induced, splitOnSpaces),
  };
}
