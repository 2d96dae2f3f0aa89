import type { CorpusStep } from './link-corpus.js';

/** Corpus-wide steps `lede link` runs after versions and stories, in order. Add a step here. */
export const CORPUS_STEPS: CorpusStep[] = [];
