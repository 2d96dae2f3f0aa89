import { createQuotesStage, createSentencesStage } from '../nlp/index.js';
// TEMPORARY (branch quotes only): a test helper standing in for nlp/entities until it merges; replace with createEntitiesStage().
import { createCapitalisedMentionsStage } from '../nlp/quotes/testing/capitalised-mentions.js';
import { createPipeline, type Pipeline } from './run.js';

/** The stages `lede ingest` and `lede annotate` run, in order. Add a stage here to make it part of the default work. */
export function createDefaultPipeline(): Pipeline {
  return createPipeline([createSentencesStage(), createCapitalisedMentionsStage(), createQuotesStage()]);
}
