/**
 * nlp/loaded: adds `loaded`, spans of loaded language and the other SemEval-2020 Task 11 propaganda
 * techniques (label = technique name; attrs.score, attrs.explanation). Requires `sentences`.
 *
 * A word-level softmax tagger (lexical, affix, context, word-cluster, VADER valence and loaded-terms
 * features, all sentence-local) gives each token P(outside / loaded language / name calling / other
 * technique). Runs of P(L) >= 0.55 become Loaded_Language spans; runs of P(N)+P(X) >= 0.60 become
 * name calling or, by a span classifier, another technique; runs grow over neighbours at 0.4 x the
 * threshold; words of data/loaded/loaded-terms.tsv are added where 1-P(O) >= 0.20. Thresholds are
 * chosen by cross-validation (precision first, see src/eval/framing/evaluate.ts) and stored in models/framing.json.gz,
 * which `lede train framing` rebuilds from ../shared/data/propaganda/ptc (seed 13). Word clusters
 * come from models/word-clusters.tsv.gz (`lede train word-clusters`). Only the words are read, never
 * the source or outlet. Over 100k tokens/s on one thread (`lede eval framing` prints it).
 *
 * Limits: long techniques (Doubt, Causal_Oversimplification, Whataboutism) are found piecemeal and
 * rarely; spans never cross a sentence boundary; the Repetition feature of the span classifier
 * counts the phrase within 50,000 characters of it (a whole article, not a whole book).
 *
 * Last measured, `lede eval framing` (5-fold CV by article over PTC train, official SI measure), at
 * the shipped thresholds: SI P 0.5090 R 0.1556 F1 0.2383; Loaded_Language P 0.4134 R 0.1759
 * F1 0.2468 (without listed terms: P 0.501 R 0.150 F1 0.231); technique classification on gold
 * spans micro F1 0.5948, macro F1 0.4154. Baselines (VADER |v|>=2 as LL): SI F1 0.1403, LL F1 0.1088.
 * Below the targets (SI F1 0.45; LL F1 0.45 at P 0.50); the best SI F1 over thresholds is
 * 0.375 at P 0.33.
 */
export { type Decoding, FramingDetector, type LoadedFinding } from './detect.js';
export { FeatureExtractor } from './features.js';
export { type FramingLexicons, loadFramingLexicons, termCategory } from './lexicons.js';
export {
  DEFAULT_MODEL_PATH,
  type FramingModel,
  loadFramingFigures,
  loadFramingModel,
  type TrainSettings,
} from './model.js';
export { countOccurrences, type PreparedText, prepareText, tokenRange } from './prepare.js';
export { exportSoftmax, type SoftmaxModel, type SparseExample, shuffleInPlace, trainSoftmax } from './softmax.js';
export { createLoadedStage, type LoadedOptions } from './stage.js';
export {
  type ArticleFraming,
  countWords,
  type FramedArticle,
  type OutletCounts,
  type OutletFraming,
  rateOutlets,
  summariseArticle,
  summariseOutlets,
} from './summary.js';
export { TECHNIQUES, type Technique, TOKEN_CLASSES, tokenClassOf } from './techniques.js';
export type { WordToken } from './tokenize.js';
