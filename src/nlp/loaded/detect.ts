import { FeatureExtractor } from './features.js';
import type { FramingLexicons } from './lexicons.js';
import type { LabellingMode } from './model.js';
import { countOccurrences, type PreparedText } from './prepare.js';
import { type SoftmaxModel, SoftmaxScorer } from './softmax.js';
import { TECHNIQUES } from './techniques.js';
import type { WordToken } from './tokenize.js';

export interface LoadedFinding {
  start: number;
  end: number;
  technique: string;
  /** Mean probability, over the span's tokens, that a token is inside a propaganda span. */
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

  /** Spans from token probabilities at one threshold. */
  findSpans(
    prepared: PreparedText,
    probabilities: Float32Array,
    threshold: number,
    labelling: LabellingMode,
  ): LoadedFinding[] {
    const findings: LoadedFinding[] = [];
    const lowerText = prepared.text.toLowerCase();
    for (const sentence of prepared.sentences) {
      let i = sentence.from;
      while (i < sentence.to) {
        if (1 - (probabilities[i * 4] as number) < threshold) {
          i++;
          continue;
        }
        let j = i;
        while (j < sentence.to && 1 - (probabilities[j * 4] as number) >= threshold) j++;
        let from = i;
        let to = j;
        while (from < to && PUNCT.test((prepared.tokens[from] as WordToken).text)) from++;
        while (to > from && PUNCT.test((prepared.tokens[to - 1] as WordToken).text)) to--;
        if (to > from) findings.push(this.finding(prepared, lowerText, sentence, from, to, probabilities, labelling));
        i = j;
      }
    }
    return findings;
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
    const repeats = countOccurrences(lowerText, prepared.text.slice(start, end));
    const features = this.features.spanFeatures(tokens, from, to, tokens.slice(sentence.from, sentence.to), repeats);
    return this.techniqueScorer.score(features);
  }

  private finding(
    prepared: PreparedText,
    lowerText: string,
    sentence: { from: number; to: number },
    from: number,
    to: number,
    probabilities: Float32Array,
    labelling: LabellingMode,
  ): LoadedFinding {
    const sums = [0, 0, 0, 0];
    for (let t = from; t < to; t++)
      for (let c = 0; c < 4; c++) sums[c] = (sums[c] as number) + (probabilities[t * 4 + c] as number);
    const n = to - from;
    const score = 1 - (sums[0] as number) / n;
    const classes = this.techniqueScorer.model.classes;
    const techniqueProbabilities = this.classify(prepared, lowerText, sentence, from, to);
    let best = argmax(techniqueProbabilities);
    if (labelling === 'tokens') {
      const kind = argmax(sums.slice(1)) + 1;
      if (kind === 1) best = classes.indexOf('Loaded_Language');
      else if (kind === 2) best = classes.indexOf('Name_Calling,Labeling');
      else {
        let bestOther = -1;
        techniqueProbabilities.forEach((p, c) => {
          const name = classes[c];
          if (name === 'Loaded_Language' || name === 'Name_Calling,Labeling') return;
          if (bestOther < 0 || p > (techniqueProbabilities[bestOther] as number)) bestOther = c;
        });
        best = bestOther;
      }
    }
    return {
      start: (prepared.tokens[from] as WordToken).start,
      end: (prepared.tokens[to - 1] as WordToken).end,
      technique: classes[best] ?? TECHNIQUES[8],
      score,
      from,
      to,
    };
  }
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
