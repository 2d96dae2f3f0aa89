/**
 * clean/: turns a decoded input into clean main text, an offset map back to the raw text, and
 * metadata (headline, date, sections, outlet, captions, subheads, boilerplate lines).
 * Plain-text dumps are read from their lines alone: a learnt line classifier (models/dump-lines.json.gz)
 * drops a scrape's menus and link lists and picks the headline, line rules read date headers,
 * breadcrumbs, captions and subheads; HTML goes through Readability.
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
  DumpLine,
  HeadlineCandidate,
  LineModel,
  LineModelFile,
  LineRole,
  TextDumpOptions,
} from './text-dump/index.js';
export {
  chooseHeadline,
  classifyLines,
  cleanTextDump,
  dumpLines,
  emissionScores,
  headlineCandidates,
  LINE_MODEL_PATH,
  LINE_ROLES,
  lineFeatures,
  lineModelFromFile,
  NO_HEADLINE,
  shippedLineModel,
  viterbi,
} from './text-dump/index.js';
