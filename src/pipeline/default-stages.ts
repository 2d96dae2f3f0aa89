import {
  createEntitiesStage,
  createEventsStage,
  createFiguresStage,
  createHeadlineQuotesStage,
  createLanguageStage,
  createLoadedStage,
  createPublishedEstimateStage,
  createQuotesStage,
  createSentencesStage,
  createTimexStage,
  loadLanguageDetector,
} from '../nlp/index.js';
import { createPipeline, type Pipeline } from './run.js';

/**
 * The stages `lede ingest` and `lede annotate` run, in order. Add a stage here to make it part of
 * the default work. Asynchronous: the language detector's database loads as an ES module.
 */
export async function createDefaultPipeline(): Promise<Pipeline> {
  return createPipeline([
    // First: the stages that read English only skip documents in other languages.
    createLanguageStage(await loadLanguageDetector()),
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
