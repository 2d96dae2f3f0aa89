/**
 * nlp/loaded: adds `loaded`, spans of loaded language and the other SemEval-2020 Task 11 propaganda
 * techniques (label = technique name; attrs.score, attrs.explanation). Requires `sentences`.
 *
 * A word-level softmax tagger (lexical, affix, context, VADER valence and loaded-terms features,
 * all sentence-local) gives each token P(outside / loaded language / name calling / other technique).
 * Runs of P(L) >= 0.55 become Loaded_Language spans; runs of P(N)+P(X) >= 0.65 become name calling
 * or, by a span classifier, another technique; runs grow over neighbours at 0.4 x the threshold;
 * words of data/loaded/loaded-terms.tsv are added where 1-P(O) >= 0.20. Thresholds are chosen by
 * cross-validation (precision first, see evaluate.ts) and stored in models/framing.json.gz, which
 * `lede train framing` rebuilds from ../shared/data/propaganda/ptc (seed 13). Only the words are
 * read, never the source or outlet. 44k-118k tokens/s on one thread (busy vs quiet machine).
 *
 * Limits: long techniques (Doubt, Causal_Oversimplification, Whataboutism) are found piecemeal and
 * rarely; spans never cross a sentence boundary; the Repetition feature of the span classifier
 * counts the phrase in the whole document.
 *
 * Last measured, `lede eval framing` (5-fold CV by article over PTC train, official SI measure), at
 * the shipped thresholds: SI P 0.5241 R 0.1352 F1 0.2149; Loaded_Language P 0.4179 R 0.1566
 * F1 0.2278 (without listed terms: P 0.5061 R 0.1287 F1 0.2052); technique classification on gold
 * spans micro F1 0.5850, macro F1 0.4149. Baselines (VADER |v|>=2 as LL): SI F1 0.1403, LL F1 0.1088.
 * Below the targets (SI F1 0.45; LL F1 0.45 at P 0.50); the best SI F1 over thresholds is
 * 0.36 at P 0.31.
 */
export { FramingDetector, type LoadedFinding } from './detect.js';
export { type FramingModel, loadFramingModel } from './model.js';
export { createLoadedStage, type LoadedOptions } from './stage.js';
export { type ArticleFraming, countWords, type OutletFraming, summariseArticle, summariseOutlets } from './summary.js';
export { TECHNIQUES, type Technique } from './techniques.js';
