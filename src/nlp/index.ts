/** Per-document language analysis stages. Each sub-folder's index.ts describes its stage and its last measured score. */

export { createLoadedStage, summariseArticle, summariseOutlets, TECHNIQUES } from './loaded/index.js';
export { createSentencesStage, splitParagraphs, splitSentences } from './sentences/index.js';
