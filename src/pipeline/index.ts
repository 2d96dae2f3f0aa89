/** Builds and runs an ordered, checked list of stages over documents. */

export type { AnyStage, Stage } from '../model/index.js';
export type { AnalyseResult, Analyser, LearntLines } from './analyse.js';
export { createAnalyser } from './analyse.js';
export { analyseRecord } from './analyse-record.js';
export type { BatchRecord } from './batch-format.js';
export { toBatchRecord } from './batch-format.js';
export { CORPUS_STEPS } from './corpus-steps.js';
export { createDefaultPipeline } from './default-stages.js';
export { type FramingReport, summariseCorpusFraming } from './framing-summary.js';
export type { IngestOptions, IngestProgress, IngestSummary } from './ingest.js';
export { ingestInputs } from './ingest.js';
export type { CorpusStep, LinkOptions, LinkProgress, LinkSummary } from './link-corpus.js';
export { LINKING_STATE, linkCorpus } from './link-corpus.js';
export type { EnqueueSummary, FailedJob, JobCounts, WorkerOptions, WorkerProgress } from './queue/index.js';
export { enqueueInputs, IngestQueue, runWorker } from './queue/index.js';
export { reprocessDocuments } from './reprocess.js';
export type { Pipeline } from './run.js';
export { createPipeline } from './run.js';
