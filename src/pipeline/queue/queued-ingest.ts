import { documentId } from '../../clean/index.js';
import { errorMessage } from '../../errors.js';
import { type RawRecord, type ReadContext, type ReadFailure, readInputs } from '../../ingest/index.js';
import type { Doc, LayerName } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { createAnalyser } from '../analyse.js';
import { CORPUS_STEPS } from '../corpus-steps.js';
import { type LinkProgress, type LinkSummary, linkCorpus } from '../link-corpus.js';
import type { Pipeline } from '../run.js';
import type { IngestQueue } from './ingest-queue.js';

export interface EnqueueSummary {
  sources: number;
  bytesRead: number;
  queued: number;
  /** Records already stored, left out of the queue. */
  known: number;
  failed: number;
  failures: ReadFailure[];
}

/**
 * Reads every input and puts each record not yet stored on the queue, in batches. Reading is all
 * this process does: workers on any machine analyse and store. Unreadable inputs are recorded in
 * the store as failures, as a local ingest records them.
 */
export async function enqueueInputs(
  store: Store,
  queue: IngestQueue,
  inputs: readonly string[],
  options: {
    context: ReadContext;
    batchSize?: number;
    /** The uri a record is queued and a failure recorded under (the server names uploads `upload:<name>`). */
    renameUri?: (uri: string) => string;
    onProgress?: (summary: EnqueueSummary) => void;
  },
): Promise<EnqueueSummary> {
  const batchSize = options.batchSize ?? 200;
  const rename = options.renameUri ?? ((uri: string) => uri);
  const summary: EnqueueSummary = { sources: 0, bytesRead: 0, queued: 0, known: 0, failed: 0, failures: [] };
  let pending: RawRecord[] = [];
  const pendingIds = new Set<string>();
  const flush = async () => {
    await queue.enqueue(pending);
    summary.queued += pending.length;
    pending = [];
    pendingIds.clear();
    options.onProgress?.(summary);
  };
  const watchers = {
    onSource: () => {
      summary.sources++;
    },
    onBytes: (bytes: number) => {
      summary.bytesRead = bytes;
    },
  };
  for await (const result of readInputs(inputs, options.context, watchers)) {
    if ('failure' in result) {
      const failure = { ...result.failure, uri: rename(result.failure.uri) };
      summary.failed++;
      summary.failures.push(failure);
      await store.recordFailures([failure]);
      continue;
    }
    const id = documentId(result.record);
    if (pendingIds.has(id) || (await store.hasDocument(id))) {
      summary.known++;
      continue;
    }
    pendingIds.add(id);
    pending.push({ ...result.record, uri: rename(result.record.uri) });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

export interface WorkerOptions {
  /** Analysis threads, and so jobs taken at a time (default 1). */
  concurrency?: number;
  layers?: ReadonlySet<LayerName>;
  /** Stages other than the default ones (tests); they run in this thread. */
  pipeline?: Pipeline;
  /** Jobs taken per round trip to the queue; default 8 per thread. */
  batchSize?: number;
  /** Stop once the queue is empty and the corpus linked (a batch run) instead of waiting for more. */
  untilEmpty?: boolean;
  /** Pause between polls of an empty queue. */
  pollMs?: number;
  /** Checked between batches: when it returns true the worker stops after what it holds. */
  shouldStop?: () => boolean;
  onProgress?: (progress: WorkerProgress) => void;
  /** Called once each time the queue is found empty while other workers still hold jobs. */
  onWait?: (running: number) => void;
  onLink?: (progress: LinkProgress) => void;
}

export interface WorkerProgress {
  stored: number;
  duplicates: number;
  failed: number;
  linked: number;
  lastLink?: LinkSummary;
}

/** Lines learnt as an outlet's boilerplate after this many of its documents, as in a local ingest. */
const LEARN_AFTER = 4;

/**
 * Takes jobs from the queue, analyses and stores their records, and marks them done; when the queue
 * runs dry it links what is pending (one worker at a time: linking holds the store's write lock and
 * checks the mark again under it). Storing is idempotent by content hash, so a job handed out twice
 * (its first worker killed after storing, before marking it done) stores nothing twice. A record
 * whose analysis throws fails its job with the reason; pg-boss retries it, then keeps it as failed.
 */
export async function runWorker(
  store: Store,
  queue: IngestQueue,
  options: WorkerOptions = {},
): Promise<WorkerProgress> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const batchSize = options.batchSize ?? 8 * concurrency;
  const pollMs = options.pollMs ?? 1000;
  const progress: WorkerProgress = { stored: 0, duplicates: 0, failed: 0, linked: 0 };
  let waiting = false;
  const analyser = await createAnalyser({
    layers: options.layers,
    workers: concurrency > 1 ? concurrency : 0,
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
  });
  try {
    while (!options.shouldStop?.()) {
      const jobs = await queue.take(batchSize);
      if (jobs.length === 0) {
        // Jobs a killed worker held come back first: linking now, with them about to be stored, would
        // hold the write lock while other workers wait to store them, and then link again.
        const left = await jobsLeft(queue);
        if (left.queued > 0) {
          // Not takeable yet (put back a moment ago): take again after a pause, not in a busy loop.
          await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 200)));
          continue;
        }
        const linked = await linkIfPending(store, options.onLink);
        if (linked) {
          progress.linked++;
          progress.lastLink = linked;
          options.onProgress?.(progress);
          continue;
        }
        const running = left.running;
        if (running === 0 && options.untilEmpty) break;
        if (running > 0 && !waiting) options.onWait?.(running);
        waiting = running > 0;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        continue;
      }
      waiting = false;
      const records = jobs.map((job) => job.record);
      const results = await analyser.analyse(records, await store.learntBoilerplateByOutlet(LEARN_AFTER));
      const done: string[] = [];
      const batch: { doc: Doc; original: Uint8Array }[] = [];
      for (const [index, result] of results.entries()) {
        const job = jobs[index] as (typeof jobs)[number];
        if ('error' in result) {
          progress.failed++;
          await queue.fail(job.id, `could not be processed: ${result.error}`);
          continue;
        }
        batch.push({ doc: result.doc, original: job.record.bytes ?? Buffer.from(job.record.content) });
        done.push(job.id);
      }
      try {
        for (const outcome of await store.putDocuments(batch)) {
          if (outcome.status === 'inserted') progress.stored++;
          else progress.duplicates++;
        }
      } catch (error) {
        // The store refused the batch (a broken row, the database gone): each job says why and is retried.
        for (const id of done) await queue.fail(id, `could not be stored: ${errorMessage(error)}`);
        throw error;
      }
      await queue.complete(done);
      options.onProgress?.(progress);
    }
  } finally {
    await analyser.close();
  }
  return progress;
}

/** Links when documents are waiting for it, deciding under the write lock so two idle workers link once. */
async function linkIfPending(
  store: Store,
  onProgress: ((progress: LinkProgress) => void) | undefined,
): Promise<LinkSummary | undefined> {
  if (!(await store.pendingLink())) return undefined;
  return store.writeExclusively(async () => {
    if (!(await store.pendingLink())) return undefined;
    return linkCorpus(store, CORPUS_STEPS, onProgress ? { onProgress } : {});
  });
}

/**
 * Jobs waiting and jobs other workers hold, once this one found the queue empty. Expired ones (a
 * killed worker's) are put back first, so they count as waiting and the next take finds them.
 */
async function jobsLeft(queue: IngestQueue): Promise<{ queued: number; running: number }> {
  await queue.reclaimExpired();
  const counts = await queue.counts();
  return { queued: counts.queued, running: counts.running };
}
