/**
 * nlp/loaded: adds `loaded`, spans of loaded language and the other SemEval-2020 Task 11 propaganda
 * techniques (label = technique name; attrs.score, attrs.explanation). Requires `sentences`.
 *
 * A word-level softmax tagger (lexical, affix, context, VADER valence and loaded-terms features)
 * marks tokens inside propaganda spans; runs above the shipped threshold become spans, and a span
 * classifier names the technique. Model: models/framing.json.gz, trained by `lede train framing`
 * on ../shared/data/propaganda/ptc. Only the words are read, never the outlet.
 *
 * Limits: sentence-long techniques (Doubt, Causal_Oversimplification, Whataboutism) are found
 * piecemeal; spans never cross a sentence boundary.
 *
 * Last measured (`lede eval framing`, 5-fold CV by article over PTC train): see the report in
 * the commit introducing this figure.
 */
export { FramingDetector, type LoadedFinding } from './detect.js';
export { type FramingModel, loadFramingModel } from './model.js';
export { createLoadedStage, type LoadedOptions } from './stage.js';
export { type ArticleFraming, countWords, type OutletFraming, summariseArticle, summariseOutlets } from './summary.js';
export { TECHNIQUES, type Technique } from './techniques.js';
