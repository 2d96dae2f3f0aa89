import { documentId } from '../clean/index.js';
import { type RawRecord, type ReadContext, type ReadFailure, readInputs } from '../ingest/index.js';
import type { LayerName } from '../model/index.js';
import type { Store } from '../store/index.js';
import { createAnalyser } from './analyse.js';

export interface IngestOptions {
  context: ReadContext;
  /** Layers to compute; all the default pipeline's layers when absent. */
  layers?: ReadonlySet<LayerName>;
  /** Documents per transaction: a crash loses at most the batch in flight, never half a batch. */
  batchSize?: number;
  /** Worker threads for cleaning and analysis (0: this thread). */
  workers?: number;
  /** A line must recur in this many documents of one outlet before it is learnt as boilerplate. */
  learnAfter?: number;
  /** At most this many ids are kept in `summary.ids` (default: all); the counts stay exact. */
  listIds?: number;
  /** Checked between batches: when it returns true the run stops after committing what it has. */
  shouldStop?: () => boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  sources: number;
  currentSource?: string;
  /** Bytes read from local input files so far (compressed bytes for .gz), to weigh against their total size. */
  bytesRead: number;
  ingested: number;
  duplicates: number;
  failed: number;
}

export interface IngestSummary extends IngestProgress {
  failures: ReadFailure[];
  interrupted: boolean;
  /** Ids of the documents stored by this run, in order (the first `listIds` of them). */
  ids: string[];
}

/**
 * Reads every input, cleans and analyses each record (in worker threads when there are cores to
 * spare), and stores the documents in batches, each batch one transaction. The same bytes twice are
 * one document, so rerunning after a crash or Ctrl-C resumes where it stopped, nothing lost or doubled.
 */
export async function ingestInputs(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 200;
  const learnAfter = options.learnAfter ?? 4;
  const listIds = options.listIds ?? Number.POSITIVE_INFINITY;
  const summary: IngestSummary = {
    sources: 0,
    bytesRead: 0,
    ingested: 0,
    duplicates: 0,
    failed: 0,
    failures: [],
    interrupted: false,
    ids: [],
  };
  const analyser = await createAnalyser({ layers: options.layers, workers: options.workers });
  let pending: RawRecord[] = [];
  const pendingIds = new Set<string>();

  const fail = async (failure: ReadFailure) => {
    summary.failed++;
    summary.failures.push(failure);
    await store.recordFailures([failure]);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const records = pending;
    pending = [];
    pendingIds.clear();
    const results = await analyser.analyse(records, await store.learntBoilerplateByOutlet(learnAfter));
    const batch = [];
    for (const [index, result] of results.entries()) {
      const record = records[index] as RawRecord;
      if ('error' in result) await fail({ uri: record.uri, reason: `could not be processed: ${result.error}` });
      else batch.push({ doc: result.doc, original: record.bytes ?? Buffer.from(record.content) });
    }
    for (const outcome of await store.putDocuments(batch)) {
      if (outcome.status === 'inserted') {
        summary.ingested++;
        if (summary.ids.length < listIds) summary.ids.push(outcome.id);
      } else summary.duplicates++;
    }
    options.onProgress?.(summary);
  };

  try {
    const watchers = {
      onSource: (uri: string) => {
        summary.sources++;
        summary.currentSource = uri;
        options.onProgress?.(summary);
      },
      // Bytes arrive ahead of the documents they hold; the next batch reports them.
      onBytes: (bytes: number) => {
        summary.bytesRead = bytes;
      },
    };
    for await (const result of readInputs(inputs, options.context, watchers)) {
      if ('failure' in result) {
        await fail(result.failure);
        continue;
      }
      // Known documents are skipped before any analysis, so a resumed run is fast.
      const id = documentId(result.record);
      if (pendingIds.has(id) || (await store.hasDocument(id))) {
        summary.duplicates++;
        continue;
      }
      pendingIds.add(id);
      pending.push(result.record);
      if (pending.length >= batchSize) {
        await flush();
        if (options.shouldStop?.()) {
          summary.interrupted = true;
          break;
        }
      }
    }
    if (!summary.interrupted) await flush();
  } finally {
    await analyser.close();
  }
  return summary;
}
