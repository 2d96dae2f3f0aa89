/**
 * Feature strings for the two framing models: one per word token (is it inside a propaganda span,
 * and of which broad kind) and one per candidate span (which technique). Only the words of the text,
 * the shipped lexicons and the word clusters are read: never the source or outlet, so a sentence
 * gets the same features wherever it was published.
 */
import { type FramingLexicons, termCategory } from './lexicons.js';
import type { WordToken } from './tokenize.js';

/** Per-word facts reused by every feature that looks at that word. */
interface WordInfo {
  lower: string;
  /** Coarse word-cluster id, '' for words outside the table. */
  cluster: string;
  valence: string;
  category: string;
  own: string[];
}

export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();

  constructor(private readonly lexicons: FramingLexicons) {}

  word(text: string): WordInfo {
    let info = this.cache.get(text);
    if (info) return info;
    const lower = text.toLowerCase();
    const v = this.lexicons.valence.get(lower) ?? this.lexicons.valence.get(lower.replace(/['’]s$/, ''));
    const valence = v === undefined ? '' : v <= -2.5 ? 'n3' : v <= -1.5 ? 'n2' : v < 0 ? 'n1' : v < 1.5 ? 'p1' : 'p2';
    const category = termCategory(this.lexicons, lower) ?? '';
    const own = [`w=${lower}`, `shape=${shapeOf(text)}`];
    const clusters = this.lexicons.clusters.of(lower) ?? this.lexicons.clusters.of(lower.replace(/['’]s$/, ''));
    const cluster = clusters ? String(clusters[0]) : '';
    if (clusters) own.push(`c=${clusters[0]}`, `cc=${clusters[1]}`);
    if (lower.length > 4) own.push(`s3=${lower.slice(-3)}`, `s4=${lower.slice(-4)}`, `p4=${lower.slice(0, 4)}`);
    if (valence) own.push(`v=${valence}`);
    if (category) own.push(`lex=${category}`, 'lex');
    info = { lower, cluster, valence, category, own };
    // Bounded for memory: each analysing thread keeps its own (see EmissionScorer's limits).
    if (this.cache.size < 50_000) this.cache.set(text, info);
    return info;
  }

  /** Features of every token of one sentence, in order. */
  sentenceFeatures(tokens: readonly WordToken[]): string[][] {
    const infos = tokens.map((token) => this.word(token.text));
    const sentence: string[] = [];
    const n = tokens.length;
    sentence.push(`slen=${n < 8 ? 's' : n < 20 ? 'm' : n < 40 ? 'l' : 'xl'}`);
    if (tokens.some((token) => token.text === '!')) sentence.push('s!');
    if (tokens.some((token) => token.text === '?')) sentence.push('s?');
    const strong = infos.filter((info) => info.valence === 'n3' || info.valence === 'n2' || info.valence === 'p2');
    sentence.push(`sval=${Math.min(strong.length, 3)}`);
    if (infos.some((info) => info.category)) sentence.push('slex');
    let quoted = false;
    return tokens.map((token, i) => {
      const info = infos[i] as WordInfo;
      if (/^["“”«»]$/.test(token.text)) quoted = !quoted;
      const features = ['bias', ...info.own, ...sentence];
      if (quoted) features.push('inq');
      if (i === 0) features.push('first');
      if (i === n - 1) features.push('last');
      for (const offset of [-2, -1, 1, 2]) {
        const other = infos[i + offset];
        if (!other) {
          features.push(`w${offset}=<>`);
          continue;
        }
        features.push(`w${offset}=${other.lower}`);
        if (other.valence) features.push(`v${offset}=${other.valence}`);
        if (other.category) features.push(`lex${offset}`);
        if (other.cluster && (offset === -1 || offset === 1)) features.push(`c${offset}=${other.cluster}`);
      }
      const previous = infos[i - 1];
      const next = infos[i + 1];
      features.push(`b-=${previous?.lower ?? '<>'}|${info.lower}`, `b+=${info.lower}|${next?.lower ?? '<>'}`);
      return features;
    });
  }

  /**
   * Features of a candidate span for the technique classifier: its words, edges, length, the words
   * around it, its strongest valence, and how often the same wording recurs in the document.
   */
  spanFeatures(
    tokens: readonly WordToken[],
    from: number,
    to: number,
    sentence: readonly WordToken[],
    repeats: number,
  ): string[] {
    const inside = tokens.slice(from, to).map((token) => this.word(token.text));
    const features = ['bias'];
    const length = to - from;
    features.push(`len=${length <= 3 ? length : length <= 6 ? '4-6' : length <= 12 ? '7-12' : '13+'}`);
    for (const info of inside) {
      features.push(`w=${info.lower}`);
      if (info.valence) features.push(`v=${info.valence}`);
      if (info.category) features.push(`lex=${info.category}`);
      if (info.cluster) features.push(`c=${info.cluster}`);
      if (info.lower.length > 4) features.push(`s4=${info.lower.slice(-4)}`);
    }
    for (let i = 0; i + 1 < inside.length; i++) features.push(`b=${inside[i]?.lower}|${inside[i + 1]?.lower}`);
    features.push(`first=${inside[0]?.lower}`, `last=${inside[inside.length - 1]?.lower}`);
    features.push(`shape0=${shapeOf(tokens[from]?.text ?? '')}`);
    features.push(`pw=${tokens[from - 1] ? this.word((tokens[from - 1] as WordToken).text).lower : '<>'}`);
    features.push(`nw=${tokens[to] ? this.word((tokens[to] as WordToken).text).lower : '<>'}`);
    const share = sentence.length === 0 ? 0 : length / sentence.length;
    features.push(`share=${share < 0.25 ? 'q1' : share < 0.5 ? 'q2' : share < 0.85 ? 'q3' : 'all'}`);
    features.push(`rep=${repeats <= 1 ? 1 : repeats === 2 ? 2 : '3+'}`);
    if (sentence.some((token) => token.text === '!')) features.push('s!');
    if (sentence.some((token) => token.text === '?')) features.push('s?');
    return features;
  }
}

function shapeOf(text: string): string {
  if (/^\p{Lu}+$/u.test(text) && text.length > 1) return 'X';
  if (/^\p{Lu}/u.test(text)) return 'Xx';
  if (/^\p{Ll}/u.test(text)) return 'x';
  if (/^\p{N}/u.test(text)) return 'd';
  return text.length === 1 ? text : 'p';
}
