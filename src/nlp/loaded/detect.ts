import { FeatureExtractor } from './features.js';
import type { FramingLexicons } from './lexicons.js';
import { countOccurrences, type PreparedText } from './prepare.js';
import { type SoftmaxModel, SoftmaxScorer } from './softmax.js';
import type { WordToken } from './tokenize.js';

export interface LoadedFinding {
  start: number;
  end: number;
  technique: string;
  /** Mean probability, over the span's tokens, of the tagger class that made the span. */
  score: number;
  /** Token range [from, to) in the prepared text. */
  from: number;
  to: number;
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;

/** Scores tokens with the tagger, cuts runs above the threshold into spans and names each span's technique. */
export class FramingDetector {
  readonly features: FeatureExtractor;
  private readonly tokenScorer: SoftmaxScorer;
  private readonly techniqueScorer: SoftmaxScorer;

  constructor(token: SoftmaxModel, technique: SoftmaxModel, lexicons: FramingLexicons) {
    this.features = new FeatureExtractor(lexicons);
    this.tokenScorer = new SoftmaxScorer(token);
    this.techniqueScorer = new SoftmaxScorer(technique);
  }

  /** Per token, the probabilities of classes O, L, N, X (row-major, 4 per token). */
  tokenProbabilities(prepared: PreparedText): Float32Array {
    const out = new Float32Array(prepared.tokens.length * 4);
    const buffer = new Float64Array(4);
    for (const sentence of prepared.sentences) {
      const rows = this.features.sentenceFeatures(prepared.tokens.slice(sentence.from, sentence.to));
      rows.forEach((features, i) => {
        this.tokenScorer.score(features, buffer);
        out.set(buffer, (sentence.from + i) * 4);
      });
    }
    return out;
  }

  /**
   * Spans from token probabilities. Loaded_Language spans are runs where P(L) reaches
   * `decoding.loaded`; spans of the other techniques are runs where P(N) + P(X) reaches
   * `decoding.other`. A run grows over neighbours at `extend` times its threshold, since gold spans
   * are phrases whose function words score low on their own.
   */
  findSpans(prepared: PreparedText, probabilities: Float32Array, decoding: Decoding): LoadedFinding[] {
    const findings: LoadedFinding[] = [];
    const lowerText = prepared.text.toLowerCase();
    const loaded = (t: number) => probabilities[t * 4 + 1] as number;
    const other = (t: number) => (probabilities[t * 4 + 2] as number) + (probabilities[t * 4 + 3] as number);
    for (const sentence of prepared.sentences) {
      for (const [from, to] of runs(prepared, sentence, loaded, decoding.loaded, decoding.extend)) {
        findings.push(this.finding(prepared, from, to, probabilities, 'Loaded_Language', mean(loaded, from, to)));
      }
      for (const [from, to] of runs(prepared, sentence, other, decoding.other, decoding.extend)) {
        const technique = this.otherTechnique(prepared, lowerText, sentence, from, to, probabilities);
        findings.push(this.finding(prepared, from, to, probabilities, technique, mean(other, from, to)));
      }
    }
    if (decoding.listed <= 1) findings.push(...this.listedTerms(prepared, probabilities, decoding.listed, findings));
    return findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * Words of the loaded-terms list that the tagger also finds suspect (P(not O) at least `floor`),
   * where no span of the same technique already covers them; the tagger's odds of name calling
   * against loaded language name the technique. The floor is chosen by cross-validation.
   */
  private listedTerms(
    prepared: PreparedText,
    probabilities: Float32Array,
    floor: number,
    existing: readonly LoadedFinding[],
  ): LoadedFinding[] {
    const found: LoadedFinding[] = [];
    prepared.tokens.forEach((token, t) => {
      const category = this.features.word(token.text).category;
      const suspect = 1 - (probabilities[t * 4] as number);
      if (!category || suspect < floor) return;
      const technique =
        (probabilities[t * 4 + 2] as number) > (probabilities[t * 4 + 1] as number)
          ? 'Name_Calling,Labeling'
          : 'Loaded_Language';
      if (existing.some((f) => f.technique === technique && f.start < token.end && token.start < f.end)) return;
      found.push(this.finding(prepared, t, t + 1, probabilities, technique, suspect));
    });
    return found;
  }

  /** Name calling when the tagger says so, else the classifier's best technique other than those two. */
  private otherTechnique(
    prepared: PreparedText,
    lowerText: string,
    sentence: { from: number; to: number },
    from: number,
    to: number,
    probabilities: Float32Array,
  ): string {
    let nameCalling = 0;
    let rest = 0;
    for (let t = from; t < to; t++) {
      nameCalling += probabilities[t * 4 + 2] as number;
      rest += probabilities[t * 4 + 3] as number;
    }
    if (nameCalling >= rest) return 'Name_Calling,Labeling';
    const classes = this.techniqueScorer.model.classes;
    const scores = this.classify(prepared, lowerText, sentence, from, to);
    let best = -1;
    scores.forEach((p, c) => {
      const name = classes[c];
      if (name === 'Loaded_Language' || name === 'Name_Calling,Labeling') return;
      if (best < 0 || p > (scores[best] as number)) best = c;
    });
    return classes[best] ?? 'Doubt';
  }

  /** The technique of a span of tokens, by the classifier alone. */
  classify(
    prepared: PreparedText,
    lowerText: string,
    sentence: { from: number; to: number },
    from: number,
    to: number,
  ): Float64Array {
    const tokens = prepared.tokens;
    const start = (tokens[from] as WordToken).start;
    const end = (tokens[to - 1] as WordToken).end;
    const repeats = countOccurrences(lowerText, prepared.text.slice(start, end), start);
    const features = this.features.spanFeatures(tokens, from, to, tokens.slice(sentence.from, sentence.to), repeats);
    return this.techniqueScorer.score(features);
  }

  private finding(
    prepared: PreparedText,
    from: number,
    to: number,
    _probabilities: Float32Array,
    technique: string,
    score: number,
  ): LoadedFinding {
    return {
      start: (prepared.tokens[from] as WordToken).start,
      end: (prepared.tokens[to - 1] as WordToken).end,
      technique,
      score,
      from,
      to,
    };
  }
}

export interface Decoding {
  loaded: number;
  other: number;
  extend: number;
  /** Floor for listed loaded terms; above 1 turns the list off. */
  listed: number;
}

/** Token runs [from, to) of one sentence whose score reaches the threshold, grown over neighbours at threshold * extend, trimmed of punctuation. */
function runs(
  prepared: PreparedText,
  sentence: { from: number; to: number },
  score: (t: number) => number,
  threshold: number,
  extend: number,
): [number, number][] {
  const found: [number, number][] = [];
  const low = threshold * extend;
  let t = sentence.from;
  while (t < sentence.to) {
    if (score(t) < threshold) {
      t++;
      continue;
    }
    let from = t;
    let to = t;
    while (to < sentence.to && score(to) >= low) to++;
    const lastEnd = found.length > 0 ? (found[found.length - 1] as [number, number])[1] : sentence.from;
    while (from > lastEnd && score(from - 1) >= low) from--;
    t = to;
    while (from < to && PUNCT.test((prepared.tokens[from] as WordToken).text)) from++;
    while (to > from && PUNCT.test((prepared.tokens[to - 1] as WordToken).text)) to--;
    if (to > from) found.push([from, to]);
  }
  return found;
}

function mean(score: (t: number) => number, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += score(t);
  return sum / (to - from);
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
