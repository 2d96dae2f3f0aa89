/**
 * Feature templates of the tagger: word forms, shapes, affixes, word clusters and a context window,
 * computed per sentence. `extra` carries features that need more than the sentence (gazetteers, the
 * document).
 */
import { loadWordClusters, type WordClusters } from '../word-clusters/index.js';

let clusters: WordClusters | undefined;

/**
 * Coarse and fine cluster of a word's GloVe vector (models/word-clusters.tsv.gz): what the tagger
 * learns of `sony` or `rosneft`'s neighbours in training reaches company names CoNLL never shows.
 */
function clusterFeatures(lower: string): string[] {
  clusters ??= loadWordClusters();
  const found = clusters.of(lower);
  return found ? [`c=${found[0]}`, `f=${found[1]}`] : ['c=?'];
}

/** Curly quotes and apostrophes read as straight ones, so `Asa’ib` and `Asa'ib` share weights. */
export function normaliseWord(word: string): string {
  return word.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export function wordShape(word: string): string {
  let shape = '';
  for (const char of word) {
    if (char >= 'A' && char <= 'Z') shape += 'X';
    else if (char >= 'a' && char <= 'z') shape += 'x';
    else if (char >= '0' && char <= '9') shape += 'd';
    else if (char.toLowerCase() !== char.toUpperCase()) shape += char === char.toUpperCase() ? 'X' : 'x';
    else shape += char;
    if (shape.length >= 12) break;
  }
  return shape;
}

/** The shape with runs collapsed: `Xxxxx` → `Xx`, `al-Kaabi` → `x-Xx`. */
export function shortShape(shape: string): string {
  let short = '';
  for (const char of shape) if (short[short.length - 1] !== char) short += char;
  return short;
}

export interface TokenView {
  lower: string;
  shape: string;
  short: string;
}

const PAD_START: TokenView = { lower: '<s>', shape: '<s>', short: '<s>' };
const PAD_END: TokenView = { lower: '</s>', shape: '</s>', short: '</s>' };

function viewWord(word: string): TokenView {
  const normal = normaliseWord(word);
  const shape = wordShape(normal);
  return { lower: normal.toLowerCase().replace(/\d/g, '0'), shape, short: shortShape(shape) };
}

/**
 * What a word contributes to the features of the tokens around it, by role: as the token itself,
 * as the token before (`w-1=`), after, two before, two after, and inside an all-caps headline.
 * Only these depend on one word, so inference caches their summed weights per word.
 */
export const ROLES = ['self', 'prev', 'next', 'prev2', 'next2', 'head'] as const;
export type Role = (typeof ROLES)[number];

export function wordRoleFeatures(word: string): Record<Role, string[]> {
  return roleFeaturesOfView(viewWord(word), normaliseWord(word));
}

export const START_ROLES = roleFeaturesOfView(PAD_START, undefined);
export const END_ROLES = roleFeaturesOfView(PAD_END, undefined);

function roleFeaturesOfView(view: TokenView, normal: string | undefined): Record<Role, string[]> {
  const { lower, shape, short } = view;
  const self = ['b', `w=${lower}`, `s=${shape}`, `ss=${short}`];
  const cluster = normal === undefined ? [] : clusterFeatures(lower);
  if (normal !== undefined) {
    for (const feature of cluster) self.push(feature, `${feature}|${short}`);
    if (normal !== lower) self.push(`W=${normal}`);
    for (let k = 1; k <= 4 && k < lower.length; k++)
      self.push(`p${k}=${lower.slice(0, k)}`, `x${k}=${lower.slice(-k)}`);
    if (lower.includes('-') && lower.length > 1) {
      for (const part of lower.split('-')) if (part) self.push(`hp=${part}`);
    }
  }
  return {
    self,
    prev: [`w-1=${lower}`, `ss-1=${short}`, ...cluster.map((feature) => `-1${feature}`)],
    next: [`w+1=${lower}`, `ss+1=${short}`, ...cluster.map((feature) => `+1${feature}`)],
    prev2: [`w-2=${lower}`, ...cluster.slice(0, 1).map((feature) => `-2${feature}`)],
    next2: [`w+2=${lower}`, ...cluster.slice(0, 1).map((feature) => `+2${feature}`)],
    head: [`head|${short}`, `head|w=${lower}`, ...cluster.map((feature) => `head|${feature}`)],
  };
}

/** A sentence whose words have no lower-case letter: a wire headline. */
export function isHeadline(words: readonly string[]): boolean {
  return !words.some((word) => /[a-z]/.test(word));
}

/**
 * Features of a pair of neighbouring words: `left` go to the second word (it has the first on its
 * left), `right` to the first. Inference caches their weights per word pair.
 */
export function pairFeatures(first: TokenView, second: TokenView): { left: string[]; right: string[] } {
  return {
    left: [
      `w-1w=${first.lower}|${second.lower}`,
      `ss-1ss=${first.short}|${second.short}`,
      `w-1ss=${first.lower}|${second.short}`,
    ],
    right: [
      `ww+1=${first.lower}|${second.lower}`,
      `ssss+1=${first.short}|${second.short}`,
      `ssw+1=${first.short}|${second.lower}`,
    ],
  };
}

/** Features of token i over three words or its place in the sentence (not cached). */
export function positionFeatures(prev: TokenView, cur: TokenView, next: TokenView, i: number): string[] {
  const features = [`ss-1ssss+1=${prev.short}|${cur.short}|${next.short}`];
  if (i === 0) features.push(`first|${cur.short}`);
  return features;
}

export const PADS = { start: PAD_START, end: PAD_END };

/** Features of token i that depend on two or three words together, or on its place in the sentence. */
export function contextFeatures(words: readonly string[], i: number, views?: readonly TokenView[]): string[] {
  const at = (j: number) =>
    j < 0 ? PAD_START : j >= words.length ? PAD_END : (views?.[j] ?? viewWord(words[j] as string));
  const prev = at(i - 1);
  const cur = at(i);
  const next = at(i + 1);
  return [...pairFeatures(prev, cur).left, ...pairFeatures(cur, next).right, ...positionFeatures(prev, cur, next, i)];
}

export function viewWords(words: readonly string[]): TokenView[] {
  return words.map(viewWord);
}

/** Feature strings for every token of one sentence (training reads these; inference sums the same). */
export function sentenceFeatures(words: readonly string[], extra?: readonly (readonly string[])[]): string[][] {
  const roles = words.map(wordRoleFeatures);
  const views = viewWords(words);
  const headline = isHeadline(words);
  const role = (j: number, name: Role): string[] =>
    j < 0 ? START_ROLES[name] : j >= words.length ? END_ROLES[name] : (roles[j] as Record<Role, string[]>)[name];
  return words.map((_, i) => {
    const features = [
      ...role(i, 'self'),
      ...role(i - 1, 'prev'),
      ...role(i + 1, 'next'),
      ...role(i - 2, 'prev2'),
      ...role(i + 2, 'next2'),
      ...contextFeatures(words, i, views),
    ];
    if (headline) features.push(...role(i, 'head'));
    const more = extra?.[i];
    if (more) for (const feature of more) features.push(feature);
    return features;
  });
}
