/**
 * Name lists matched over token sequences. A match gives every token it covers a feature naming the
 * list's label and the token's place in the match (B, I, L, or U for a one-token match), so the
 * tagger learns how far to trust each list instead of the lists deciding.
 */
import { normaliseWord } from './features.js';

export interface Gazetteer {
  /** Lower-cased, space-joined token sequence → labels it is listed under. */
  entries: Map<string, string[]>;
  /** Every proper prefix of an entry, so matching stops as soon as no entry can follow. */
  prefixes: Set<string>;
  maxTokens: number;
}

export interface NameList {
  label: string;
  names: Iterable<string>;
}

const MAX_TOKENS = 6;

export function buildGazetteer(lists: readonly NameList[], tokenizeName: (name: string) => string[]): Gazetteer {
  const entries = new Map<string, string[]>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  for (const { label, names } of lists) {
    for (const name of names) {
      const tokens = tokenizeName(name);
      if (tokens.length === 0 || tokens.length > MAX_TOKENS) continue;
      const key = gazetteerKey(tokens);
      const labels = entries.get(key);
      if (!labels) entries.set(key, [label]);
      else if (!labels.includes(label)) labels.push(label);
      maxTokens = Math.max(maxTokens, tokens.length);
      for (let k = 1; k < tokens.length; k++) prefixes.add(gazetteerKey(tokens.slice(0, k)));
    }
  }
  return { entries, prefixes, maxTokens };
}

export function gazetteerKey(tokens: readonly string[]): string {
  return tokens.map((token) => normaliseWord(token).toLowerCase()).join(' ');
}

/** Per-token features of every listed name in the sentence (`prefix:LABEL:B|I|L|U`, plus its case). */
export function gazetteerFeatures(
  gazetteer: Gazetteer,
  words: readonly string[],
  prefix: string,
  keys: readonly string[] = gazetteerKeys(words),
): string[][] {
  const features = words.map((): string[] => []);
  for (let start = 0; start < words.length; start++) {
    if (!/^[\p{L}\d]/u.test(keys[start] as string)) continue;
    let key = '';
    for (let length = 1; length <= gazetteer.maxTokens && start + length <= words.length; length++) {
      key = length === 1 ? (keys[start] as string) : `${key} ${keys[start + length - 1]}`;
      const labels = gazetteer.entries.get(key);
      const more = gazetteer.prefixes.has(key);
      if (!labels) {
        if (more) continue;
        break;
      }
      const cased = /^\p{Lu}/u.test(words[start] as string) ? 'C' : 'c';
      for (const label of labels) {
        for (let i = start; i < start + length; i++) {
          const place = length === 1 ? 'U' : i === start ? 'B' : i === start + length - 1 ? 'L' : 'I';
          (features[i] as string[]).push(...featureNames(prefix, label, place, cased));
        }
      }
      if (!more) break;
    }
  }
  return features;
}

/** Per-word lookup keys, shared by every list matched over one sentence. */
export function gazetteerKeys(words: readonly string[]): string[] {
  return words.map((word) => normaliseWord(word).toLowerCase());
}

/** Feature names are built once and reused: a string the map has hashed before is looked up faster. */
const NAMES = new Map<string, [string, string]>();

function featureNames(prefix: string, label: string, place: string, cased: string): [string, string] {
  const key = `${prefix}\u0001${label}\u0001${place}\u0001${cased}`;
  let names = NAMES.get(key);
  if (!names) {
    names = [`${prefix}:${label}:${place}`, `${prefix}:${label}:${place}${cased}`];
    NAMES.set(key, names);
  }
  return names;
}
