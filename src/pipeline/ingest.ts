import { type CleanOptions, cleanRecord, splitLines } from '../clean/index.js';
import { normaliseLine } from '../clean/lines.js';
import { errorMessage } from '../errors.js';
import { type RawRecord, type ReadContext, type ReadFailure, readInputs } from '../ingest/index.js';
import type { Doc, LayerName } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { Pipeline } from './run.js';

export interface IngestOptions {
  context: ReadContext;
  pipeline: Pipeline;
  /** Layers to compute; all the pipeline's layers when absent. */
  layers?: ReadonlySet<LayerName>;
  /** Documents per transaction: a crash loses at most the batch in flight, never half a batch. */
  batchSize?: number;
  /** A line must recur in this many documents of one outlet before it is learnt as boilerplate. */
  learnAfter?: number;
  /** Checked between batches: when it returns true the run stops after committing what it has. */
  shouldStop?: () => boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  sources: number;
  currentSource?: string;
  ingested: number;
  duplicates: number;
  failed: number;
}

export interface IngestSummary extends IngestProgress {
  failures: ReadFailure[];
  interrupted: boolean;
  /** Ids of the documents stored by this run, in order. */
  ids: string[];
}

/**
 * Reads every input, cleans and analyses each record, and stores the documents in batches, each
 * batch one transaction. The same bytes twice are one document, so rerunning after a crash or
 * Ctrl-C resumes where it stopped with nothing lost or doubled.
 */
export async function ingestInputs(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 200;
  const summary: IngestSummary = {
    sources: 0,
    ingested: 0,
    duplicates: 0,
    failed: 0,
    failures: [],
    interrupted: false,
    ids: [],
  };
  const learnt = new LearntBoilerplate(store, options.learnAfter ?? 4);
  let batch: { doc: Doc; original?: Uint8Array }[] = [];
  const batchIds = new Set<string>();

  const flush = () => {
    if (batch.length === 0) return;
    for (const outcome of store.putDocuments(batch)) {
      if (outcome.status === 'inserted') {
        summary.ingested++;
        summary.ids.push(outcome.id);
      } else summary.duplicates++;
    }
    batch = [];
    batchIds.clear();
    learnt.invalidate();
    options.onProgress?.(summary);
  };
  const fail = (failure: ReadFailure) => {
    summary.failed++;
    summary.failures.push(failure);
    store.recordFailures([failure]);
  };

  for await (const result of readInputs(inputs, options.context, (uri) => {
    summary.sources++;
    summary.currentSource = uri;
    options.onProgress?.(summary);
  })) {
    if ('failure' in result) {
      fail(result.failure);
      continue;
    }
    try {
      const doc = analyseRecord(result.record, options.pipeline, options.layers, learnt);
      if (batchIds.has(doc.id) || store.hasDocument(doc.id)) {
        summary.duplicates++;
        continue;
      }
      batchIds.add(doc.id);
      batch.push({ doc, original: result.record.bytes ?? Buffer.from(result.record.content) });
    } catch (error) {
      fail({ uri: result.record.uri, reason: `could not be processed: ${errorMessage(error)}` });
    }
    if (batch.length >= batchSize) {
      flush();
      if (options.shouldStop?.()) {
        summary.interrupted = true;
        break;
      }
    }
  }
  flush();
  return summary;
}

/** Cleans and analyses one record; lines learnt as the outlet's boilerplate are dropped on a second pass. */
export function analyseRecord(
  record: RawRecord,
  pipeline: Pipeline,
  layers?: ReadonlySet<LayerName>,
  learnt?: LearntBoilerplate,
  cleanOptions: CleanOptions = {},
): Doc {
  let doc = cleanRecord(record, cleanOptions);
  const known = learnt?.forOutlet(doc.meta.outlet ?? '');
  if (known && known.size > 0 && !record.mediaType.includes('html')) {
    const kept = splitLines(doc.raw).some(
      (line) => known.has(normaliseLine(line.text)) && !doc.meta.boilerplate.includes(line.text),
    );
    if (kept) doc = cleanRecord(record, { ...cleanOptions, knownBoilerplate: known });
  }
  return pipeline.run(doc, layers);
}

/** The store's learnt boilerplate lines per outlet, cached between batches. */
export class LearntBoilerplate {
  private readonly cache = new Map<string, Set<string>>();
  constructor(
    private readonly store: Store,
    private readonly minDocuments: number,
  ) {}

  forOutlet(outlet: string): Set<string> {
    let lines = this.cache.get(outlet);
    if (!lines) {
      lines = this.store.learntBoilerplate(outlet, this.minDocuments);
      this.cache.set(outlet, lines);
    }
    return lines;
  }

  invalidate(): void {
    this.cache.clear();
  }
}
