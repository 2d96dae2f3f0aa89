/** Per-document language analysis stages. Each sub-folder's index.ts describes its stage and its last measured score. */

export { createEntitiesStage, recogniseEntities } from './entities/index.js';
export { createEventsStage, createPublishedEstimateStage, estimatePublished, findEvents } from './events/index.js';
export { createFigureFinder, createFiguresStage } from './figures/index.js';
export {
  createLanguageStage,
  englishOnly,
  type LanguageDetector,
  languageName,
  loadLanguageDetector,
  normaliseLanguageTag,
  readsAsEnglish,
  UNDETERMINED,
} from './language/index.js';
export { createLoadedStage, summariseArticle, summariseOutlets, TECHNIQUES } from './loaded/index.js';
export { createHeadlineQuotesStage, createQuotesStage, findHeadlineQuote, groupStatements } from './quotes/index.js';
export { seededRandom } from './seeded-random.js';
export { createSentencesStage, splitParagraphs, splitSentences } from './sentences/index.js';
export { createTimexFinder, createTimexStage } from './timex/index.js';
