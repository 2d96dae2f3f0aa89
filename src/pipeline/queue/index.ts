/** Ingest across machines: a job queue in the store's PostgreSQL database, and the workers that drain it. */
export type { FailedJob, JobCounts, QueueOptions } from './ingest-queue.js';
export { INGEST_QUEUE, IngestQueue } from './ingest-queue.js';
export type { EnqueueSummary, WorkerOptions, WorkerProgress } from './queued-ingest.js';
export { enqueueInputs, runWorker } from './queued-ingest.js';
