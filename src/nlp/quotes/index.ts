/**
 * nlp/quotes: adds `quotes`, every direct, partial, indirect and scare quote. Requires `sentences`
 * and `entities` (for speaker names; `timexes` is used when present, for `attrs.dateValue`).
 *
 * Each span covers the quoted words without their quotation marks (indirect: the reported clause,
 * `that` included, without the final stop). attrs: speakerStart/End/Text (the local mention, even
 * `he` or `the IRCC`), speakerName (resolved with the entities layer; for an unnamed speaker its
 * description, `analysts`; two conjoined speakers as `A and B`), speaker (the entity span id
 * the mention overlaps, or null), cueStart/End/cueLemma, medium(+Start/End) and date(+Start/End,
 * the raw phrase; dateValue when a timex covers it). Split quotes are one span per part sharing a
 * speaker. Headline quotes are not spans (the headline is not in doc.text): the headline-quotes stage
 * (`createHeadlineQuotesStage`) writes them to `meta.headlineQuotes`, with offsets into the headline.
 *
 * Quotation marks include doubled apostrophes and backticks (`''It was,'' he said`), read as the
 * double marks they stand for. Reported speech split by a parenthetical attribution (`At the time,
 * she said, the board ...`) is reported in both parts, sharing the speaker; a relative pronoun is a
 * mention (`O'Donnell, who said`) resolved to the name before it or the phrase it qualifies.
 *
 * Known limits: rules plus cue forms learned from PolNeAR train (models/quote-cues.json, made by
 * `lede train quotes`), no parser. Reported speech needs a verb of saying (`notSpeech` in
 * data/quote-cues.json: believe, show, find ... are never cues, though PolNeAR counts them as
 * attribution) whose subject is the speaker: appositives resolve to the leftmost subject phrase,
 * a phrase's head entity is the speaker (`Harlow Bank economist Lena Sorby`, not the bank;
 * `police in Calloway`, not the place), a definite description (`the England skipper`) to the
 * subject of the sentence before or the last speaker or full name, an unnamed speaker to its own
 * description (`analysts`); `he`/`she` respect the gender the text gives. Passives and bare-NP
 * stance are mostly missed; reported speech ends at its sentence end. `attrs.dateValue` is set only
 * if a `timexes` layer already exists when this runs.
 *
 * Last measured, `lede eval quotes --split dev` (PolNeAR dev, 84 docs; spans compared without
 * quotation marks, speaker right when mentions overlap), attributed F1 with overlapping / exact
 * spans: direct 0.8993 / 0.8993, direct+mixed 0.8571 / 0.7698, all 0.6484 / 0.5227 (all: P 0.8952,
 * R 0.5082; naive baseline: 0.4481, 0.3911, 0.1809 overlapping). PolNeAR train (where every rule was
 * diagnosed) all 0.6016, each of five folds of it between 0.576 and 0.629. `lede eval seeds`: quotes
 * 27 / 27. BBC audit (`lede eval audits`, data/audits/quotes.jsonl, 100 random quotes judged by
 * reading per round, each round drawn fresh): before these rules 46% right (27 not quotes, speaker
 * right on 46 of 73); later rounds 80%, 80%, 73%, 71% and, after the reported-speech changes above,
 * 77% right (6 not quotes; speaker right on 82% of quotes). Most misses left: quotes continuing a speaker across a narration
 * sentence, `it`/`he` after a narration sentence, and learned cue forms whose object is no speech
 * (`posted a loss`, `added a second`; PolNeAR annotates such noun-phrase contents too). A description
 * by age (`the 34-year-old`) or by title (`the cardinal`) points back at its person, and one whose
 * closing comma is missing (`Marc Ostwald, a strategist at Monument Securities told`) speaks for the
 * person it describes, not for the firm it names.
 */
export type { CueLexicon } from './cues.js';
export { buildCues, canBeFiniteVerb, DEFAULT_LEARNED_CUES_PATH, loadCues } from './cues.js';
export { findQuotes } from './find-quotes.js';
export { createHeadlineQuotesStage, findHeadlineQuote, type HeadlineQuote } from './headline.js';
export { findQuotedRegions, type QuotedRegion } from './marks.js';
export { createQuotesStage, type QuotesOptions } from './quotes-stage.js';
export {
  type GroupOptions,
  groupStatements,
  normaliseStatement,
  type Statement,
  type StatementGroup,
} from './statements.js';
export { tokenize } from './tokens.js';
