/**
 * clean/: turns a decoded input into clean main text, an offset map back to the raw text, and
 * metadata (headline, date, sections, outlet, captions, subheads, boilerplate lines).
 * Plain-text dumps are read from their lines alone; HTML goes through Readability.
 * Measured: `lede eval seeds` (all seed fields), `lede eval clean`, `lede eval pubdate`.
 */

export type { CleanOptions } from './clean-record.js';
export { cleanRecord, documentId } from './clean-record.js';
export { cleanHtml } from './html/index.js';
export { keepsLearntBoilerplate } from './learnt-boilerplate.js';
export { foldSpaces, normaliseLine, splitLines } from './lines.js';
export { DATE_WEIGHTS, findDates, parseDateLine, type ScoredDate, weightedScore } from './metadata/index.js';
export type {
  ClassifiedLine,
  CleanResult,
  HeadlineCandidate,
  DumpLine,
  LineModel,
  LineModelFile,
  LineRole,
  TextDumpOptions,
} from './text-dump/index.js';
export {
  chooseHeadline,
  classifyLines,
  cleanTextDump,
  headlineCandidates,
  NO_HEADLINE,
  dumpLines,
  emissionScores,
  LINE_MODEL_PATH,
  LINE_ROLES,
  lineFeatures,
  lineModelFromFile,
  shippedLineModel,
  viterbi,
} from './text-dump/index.js';
