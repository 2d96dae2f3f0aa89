import { createFetcher, type FetchOptions, type ReadContext, readInputs } from '../ingest/index.js';
import {
  CORPUS_STEPS,
  type CorpusStep,
  enqueueInputs,
  type IngestProgress,
  IngestQueue,
  ingestInputs,
  type LinkProgress,
  linkCorpus,
} from '../pipeline/index.js';
import type { Store } from '../store/index.js';

/** One ingest as plain data, so it can cross to the ingest process. */
export interface IngestTask {
  /** Uploaded files as staged on disk, with the names their client gave them. */
  uploads: { path: string; name: string }[];
  urls: string[];
  maxBytes: number;
  /** How URLs are fetched; without `lookup`, which cannot cross a process boundary. */
  fetch?: Omit<FetchOptions, 'lookup'>;
  batchSize?: number;
  listIds?: number;
  /** Count the records first, so progress has a total (jobs); a synchronous upload needs none. */
  count?: boolean;
  /** Queue the records for `lede worker` processes instead of analysing them here (a PostgreSQL store). */
  queue?: boolean;
}

export type IngestEvent =
  | { kind: 'total'; total: number }
  | { kind: 'batch'; progress: IngestProgress }
  | { kind: 'linking'; progress: IngestProgress }
  | { kind: 'link-step'; progress: LinkProgress };

export interface IngestOutcome {
  /** Records queued for workers (a queued task), which analyse and store them later. */
  queued?: number;
  ingested: number;
  duplicates: number;
  failed: number;
  ids: string[];
  failures: { uri: string; reason: string }[];
}

/**
 * Reads, analyses and stores the task's inputs, then relinks the corpus as `lede ingest` does. An
 * upload's uri is `upload:<name>` (plus what a reader adds, such as `#record-id`), never the
 * server's temporary path, in the store, the failures and the events alike. `steps` are the corpus
 * steps linking runs after stories (tests add one that holds the link transaction open).
 */
export async function runIngestTask(
  store: Store,
  task: IngestTask,
  onEvent: (event: IngestEvent) => void,
  steps: readonly CorpusStep[] = CORPUS_STEPS,
): Promise<IngestOutcome> {
  const display = uploadNamer(task.uploads);
  const paths = task.uploads.map((upload) => upload.path);
  const fetcher = createFetcher({ ...task.fetch, maxBytes: task.maxBytes });
  const context: ReadContext = { maxDocumentBytes: task.maxBytes, fetchPage: fetcher.fetchPage };
  try {
    // Each URL counts as one record until read: a feed raises the total as its items arrive.
    if (task.count) onEvent({ kind: 'total', total: (await countRecords(paths, task.maxBytes)) + task.urls.length });
    if (task.queue) return await queueTask(store, [...paths, ...task.urls], context, display);
    const named = (progress: IngestProgress): IngestProgress => ({
      ...progress,
      currentSource: progress.currentSource && display(progress.currentSource),
    });
    const summary = await ingestInputs(renamingUploads(store, display), [...paths, ...task.urls], {
      context,
      // This process is already off the server's thread: no worker pool of its own.
      workers: 0,
      batchSize: task.batchSize,
      listIds: task.listIds,
      onProgress: (progress) => onEvent({ kind: 'batch', progress: named(progress) }),
    });
    // The mark, not this upload's count, as lede ingest does: an upload of duplicates still finishes
    // the linking a crashed run left undone.
    if (await store.pendingLink()) {
      onEvent({ kind: 'linking', progress: named(summary) });
      await linkCorpus(store, steps, { onProgress: (progress) => onEvent({ kind: 'link-step', progress }) });
    }
    return {
      ingested: summary.ingested,
      duplicates: summary.duplicates,
      failed: summary.failed,
      ids: summary.ids,
      failures: summary.failures.map((failure) => ({ uri: display(failure.uri), reason: failure.reason })),
    };
  } finally {
    await fetcher.close();
  }
}

/** Reads the inputs and queues their records for workers; duplicates are the records already stored. */
async function queueTask(
  store: Store,
  inputs: string[],
  context: ReadContext,
  display: (uri: string) => string,
): Promise<IngestOutcome> {
  const queue = await IngestQueue.open(store.location);
  try {
    const summary = await enqueueInputs(store, queue, inputs, { context, renameUri: display });
    return {
      queued: summary.queued,
      ingested: 0,
      duplicates: summary.known,
      failed: summary.failed,
      ids: [],
      failures: summary.failures,
    };
  } finally {
    await queue.close();
  }
}

/** A reader's uri for a staged file as the client named it: `upload:<name>…`. */
export function uploadNamer(uploads: IngestTask['uploads']): (uri: string) => string {
  return (uri) => {
    const file = uploads.find((candidate) => uri.startsWith(candidate.path));
    return file ? `upload:${file.name}${uri.slice(file.path.length)}` : uri;
  };
}

/** The store, with each document's and failure's uri passed through `display` before it is written. */
function renamingUploads(store: Store, display: (uri: string) => string): Store {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'putDocuments') {
        return (batch: Parameters<Store['putDocuments']>[0]) =>
          target.putDocuments(
            batch.map((item) => ({
              ...item,
              doc: { ...item.doc, source: { ...item.doc.source, uri: display(item.doc.source.uri) } },
            })),
          );
      }
      if (key === 'recordFailures') {
        return (failures: Parameters<Store['recordFailures']>[0]) =>
          target.recordFailures(failures.map((failure) => ({ ...failure, uri: display(failure.uri) })));
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Records in local inputs, read without analysis or network: a feed file's items are counted, not fetched. */
async function countRecords(paths: string[], maxDocumentBytes: number): Promise<number> {
  let count = 0;
  const context: ReadContext = {
    maxDocumentBytes,
    fetchPage: async (url) => ({ failure: { uri: url, reason: 'not fetched while counting' } }),
  };
  for await (const _result of readInputs(paths, context)) count++;
  return count;
}
