import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../../resources/index.js';
import { loadWordClusters, type WordClusters } from '../word-clusters/index.js';

/** Word lists the framing model reads: VADER valence, the hand-written loaded-terms list with reader explanations, and word clusters. */
export interface FramingLexicons {
  /** Lower-cased word -> mean VADER valence (-4..4). */
  valence: Map<string, number>;
  /** Exact lower-cased loaded terms -> category. */
  terms: Map<string, string>;
  /** Stems (from `stem*` entries) -> category, longest first. */
  stems: [string, string][];
  explanations: Explanations;
  /** Words used alike (models/word-clusters.tsv.gz), so the tagger generalises past the words PTC shows. */
  clusters: WordClusters;
}

export interface Explanations {
  categories: Record<string, string>;
  techniques: Record<string, string>;
  valence: { negative: string; positive: string };
}

let cached: FramingLexicons | undefined;

/** Reads data/lexicons/vader and data/loaded once per process. */
export function loadFramingLexicons(): FramingLexicons {
  if (cached) return cached;
  const valence = new Map<string, number>();
  const vader = gunzipSync(readFileSync(join(DATA_DIR, 'lexicons/vader/vader_lexicon.txt.gz'))).toString('utf8');
  for (const line of vader.split('\n')) {
    const [word, mean] = line.split('\t');
    if (word && mean && /^[a-z][a-z'-]*$/.test(word)) valence.set(word, Number(mean));
  }
  const terms = new Map<string, string>();
  const stems: [string, string][] = [];
  for (const line of readFileSync(join(DATA_DIR, 'loaded/loaded-terms.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [term, category] = line.split('\t') as [string, string];
    if (term.endsWith('*')) stems.push([term.slice(0, -1), category]);
    else terms.set(term, category);
  }
  stems.sort((a, b) => b[0].length - a[0].length);
  const explanations = JSON.parse(readFileSync(join(DATA_DIR, 'loaded/explanations.json'), 'utf8')) as Explanations;
  cached = { valence, terms, stems, explanations, clusters: loadWordClusters() };
  return cached;
}

/** The loaded-terms category of a lower-cased word, if it is listed. */
export function termCategory(lexicons: FramingLexicons, lower: string): string | undefined {
  const exact = lexicons.terms.get(lower);
  if (exact) return exact;
  for (const [stem, category] of lexicons.stems) if (lower.startsWith(stem)) return category;
  return undefined;
}
