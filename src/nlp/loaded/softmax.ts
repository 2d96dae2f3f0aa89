import { seededRandom } from '../seeded-random.js';
/**
 * Sparse multinomial logistic regression (softmax over classes, binary features), trained with
 * AdaGrad and seeded shuffling so the same data and seed give the same weights byte for byte.
 * Logistic rather than perceptron so scores are probabilities a threshold can be set on.
 */
export interface SparseExample {
  features: Int32Array;
  label: number;
}

export interface SoftmaxOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

/** A trained model in the form it ships: feature strings with one weight per class each. */
export interface SoftmaxModel {
  classes: string[];
  features: string[];
  /** Row-major: weights[f * classes.length + c], rounded. */
  weights: number[];
  bias: number[];
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Trains dense weights over feature ids [0, featureCount); returns [weights, bias]. */
export function trainSoftmax(
  examples: readonly SparseExample[],
  featureCount: number,
  classCount: number,
  options: SoftmaxOptions,
): { weights: Float32Array; bias: Float64Array } {
  const weights = new Float32Array(featureCount * classCount);
  const squares = new Float32Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const biasSquares = new Float64Array(classCount);
  const order = examples.map((_, index) => index);
  const random = seededRandom(options.seed);
  const probabilities = new Float64Array(classCount);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const example = examples[index] as SparseExample;
      const features = example.features;
      scoreInto(probabilities, weights, bias, features, classCount);
      for (let c = 0; c < classCount; c++) {
        const gradient = (probabilities[c] as number) - (c === example.label ? 1 : 0);
        biasSquares[c] = (biasSquares[c] as number) + gradient * gradient;
        bias[c] = (bias[c] as number) - (options.rate * gradient) / Math.sqrt((biasSquares[c] as number) + 1e-8);
        for (const f of features) {
          const at = f * classCount + c;
          const g = gradient + options.l2 * (weights[at] as number);
          squares[at] = (squares[at] as number) + g * g;
          weights[at] = (weights[at] as number) - (options.rate * g) / Math.sqrt((squares[at] as number) + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

/** Softmax probabilities of one example into `out`. */
export function scoreInto(
  out: Float64Array,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  features: ArrayLike<number>,
  classCount: number,
): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classCount; c++) {
    let sum = bias[c] as number;
    for (let i = 0; i < features.length; i++) sum += weights[(features[i] as number) * classCount + c] as number;
    out[c] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let c = 0; c < classCount; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) / total;
}

/** Keeps the features whose weights matter, rounded, for a compact artifact. */
export function exportSoftmax(
  classes: string[],
  names: readonly string[],
  trained: { weights: Float32Array; bias: Float64Array },
  keep: (feature: number) => boolean,
): SoftmaxModel {
  const classCount = classes.length;
  const features: string[] = [];
  const weights: number[] = [];
  for (let f = 0; f < names.length; f++) {
    if (!keep(f)) continue;
    let largest = 0;
    for (let c = 0; c < classCount; c++)
      largest = Math.max(largest, Math.abs(trained.weights[f * classCount + c] as number));
    if (largest < 0.01) continue;
    features.push(names[f] as string);
    for (let c = 0; c < classCount; c++) weights.push(round(trained.weights[f * classCount + c] as number));
  }
  return { classes, features, weights, bias: [...trained.bias].map(round) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A shipped model ready to score feature strings. */
export class SoftmaxScorer {
  private readonly index = new Map<string, number>();
  readonly classCount: number;
  private readonly buffer: Int32Array = new Int32Array(512);

  constructor(readonly model: SoftmaxModel) {
    this.classCount = model.classes.length;
    model.features.forEach((feature, i) => {
      this.index.set(feature, i);
    });
  }

  /** Class probabilities for a list of feature strings (unknown features are ignored). */
  score(features: readonly string[], out = new Float64Array(this.classCount)): Float64Array {
    let n = 0;
    for (const feature of features) {
      const id = this.index.get(feature);
      if (id !== undefined && n < this.buffer.length) this.buffer[n++] = id;
    }
    scoreInto(out, this.model.weights, this.model.bias, this.buffer.subarray(0, n), this.classCount);
    return out;
  }
}
