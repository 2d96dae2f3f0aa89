export type { CleanResult, TextDumpOptions } from './clean-text-dump.js';
export { cleanTextDump } from './clean-text-dump.js';
export {
  chooseHeadline,
  HEADLINE_WINDOW,
  type HeadlineCandidate,
  headlineCandidates,
  NO_HEADLINE,
} from './headline.js';
export { type DumpLine, dumpLines, lineFeatures } from './line-features.js';
export {
  type ClassifiedLine,
  classifyLines,
  emissionScores,
  LINE_MODEL_PATH,
  LINE_ROLES,
  type LineModel,
  type LineModelFile,
  type LineRole,
  lineModelFromFile,
  shippedLineModel,
  viterbi,
} from './line-model.js';
