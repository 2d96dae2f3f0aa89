import {
  createEntitiesStage,
  createEventsStage,
  createFiguresStage,
  createHeadlineQuotesStage,
  createLoadedStage,
  createPublishedEstimateStage,
  createQuotesStage,
  createSentencesStage,
  createTimexStage,
} from '../nlp/index.js';
import { createPipeline, type Pipeline } from './run.js';

/** The stages `lede ingest` and `lede annotate` run, in order. Add a stage here to make it part of the default work. */
export function createDefaultPipeline(): Pipeline {
  return createPipeline([
    createSentencesStage(),
    createEntitiesStage(),
    createTimexStage(),
    createQuotesStage(),
    createFiguresStage(),
    createEventsStage(),
    createLoadedStage(),
    createHeadlineQuotesStage(),
    // Last: the stages before it read `meta.published` as the date the document states.
    createPublishedEstimateStage(),
  ]);
}
