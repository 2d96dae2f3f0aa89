import { keepsLearntBoilerplate } from '../clean/index.js';
import { decodeBytes, type RawRecord } from '../ingest/index.js';
import type { Doc, StageOutput } from '../model/index.js';
import type { Store, StoredDoc } from '../store/index.js';
import { type AnalyseResult, createAnalyser, type LearntLines } from './analyse.js';
import { createDefaultPipeline } from './default-stages.js';
import type { Pipeline } from './run.js';

export interface ReprocessOptions {
  /** Redo every document, not only those a newer stage or newly learnt boilerplate makes stale. */
  all?: boolean;
  workers?: number;
  learnAfter?: number;
  batchSize?: number;
  onProgress?: (done: number, changed: number) => void;
  /** The stages to compare stored versions with and to run (default: the default pipeline). */
  pipeline?: Pipeline;
}

/** What a stored document needs: cleaning afresh from its input, or only some outputs recomputed. */
type Work = { id: string; reclean: true } | { id: string; reclean: false; stale: Set<StageOutput> };

/**
 * Brings stored documents up to date. One that learnt boilerplate must lose a line (or every
 * document, with `all`) is re-cleaned and re-analysed from its original input. One whose outputs
 * (layers, metadata fields) were made by an older stage version, or are missing, gets those outputs
 * and everything computed from them recomputed; the rest of it is kept.
 */
export async function reprocessDocuments(
  store: Store,
  options: ReprocessOptions = {},
): Promise<{ seen: number; changed: number }> {
  const pipeline = options.pipeline;
  const expected = expectedVersions(pipeline ?? (await createDefaultPipeline()));
  const learnt = await store.learntBoilerplateByOutlet(options.learnAfter ?? 4);
  let seen = 0;
  // Collect the work first: the iterator holds a read cursor that writes must not interleave with.
  const work: Work[] = [];
  for await (const doc of store.iterateDocuments()) {
    seen++;
    if (options.all || hasLearntLines(doc, learnt)) work.push({ id: doc.id, reclean: true });
    else {
      const stale = staleOutputs(await store.outputVersions(doc.id), expected);
      if (stale.size > 0) work.push({ id: doc.id, reclean: false, stale });
    }
  }
  const progress = { seen, changed: 0 };
  const report = () => options.onProgress?.(progress.seen, progress.changed);
  await recleanDocuments(
    store,
    work.flatMap((item) => (item.reclean ? [item.id] : [])),
    { learnt, pipeline, workers: options.workers, batchSize: options.batchSize ?? 200 },
    (changed) => {
      progress.changed += changed;
      report();
    },
  );
  let refreshing = pipeline;
  for (const item of work) {
    if (item.reclean) continue;
    const doc = await store.getDocument(item.id);
    if (!doc) continue;
    refreshing ??= await createDefaultPipeline();
    // The stored document does not carry its versions; the ones kept must be written back unchanged.
    const versions = Object.fromEntries(await store.outputVersions(doc.id)) as Doc['versions'];
    await store.replaceDocument(refreshing.refresh({ ...doc, versions }, item.stale));
    if (++progress.changed % (options.batchSize ?? 200) === 0) report();
  }
  if (work.length > 0) report();
  return progress;
}

async function recleanDocuments(
  store: Store,
  ids: readonly string[],
  options: { learnt: LearntLines; pipeline?: Pipeline; workers?: number; batchSize: number },
  onBatch: (changed: number) => void,
): Promise<void> {
  if (ids.length === 0) return;
  const analyser = await createAnalyser({ workers: options.workers, pipeline: options.pipeline });
  try {
    for (let start = 0; start < ids.length; start += options.batchSize) {
      const batch: StoredDoc[] = [];
      for (const id of ids.slice(start, start + options.batchSize)) {
        const doc = await store.getDocument(id);
        if (doc) batch.push(doc);
      }
      const records: RawRecord[] = [];
      for (const doc of batch) records.push(await toRecord(store, doc));
      const results: AnalyseResult[] = await analyser.analyse(records, options.learnt);
      let changed = 0;
      for (const [index, result] of results.entries()) {
        const before = batch[index] as StoredDoc;
        if ('error' in result) continue;
        await store.replaceDocument({ ...result.doc, id: before.id, externalId: before.externalId });
        changed++;
      }
      onBatch(changed);
    }
  } finally {
    await analyser.close();
  }
}

function expectedVersions(pipeline: Pipeline): Map<StageOutput, string> {
  const expected = new Map<StageOutput, string>();
  for (const stage of pipeline.stages) {
    for (const output of stage.produces as StageOutput[]) expected.set(output, `${stage.name}@${stage.version}`);
  }
  return expected;
}

function staleOutputs(stored: ReadonlyMap<StageOutput, string>, expected: Map<StageOutput, string>): Set<StageOutput> {
  const stale = new Set<StageOutput>();
  for (const [output, version] of expected) if (stored.get(output) !== version) stale.add(output);
  return stale;
}

function hasLearntLines(doc: StoredDoc, learnt: LearntLines): boolean {
  const stored = { raw: doc.raw, mediaType: doc.source.mediaType, dropped: doc.meta.boilerplate };
  return keepsLearntBoilerplate(stored, learnt.get(doc.meta.outlet ?? ''));
}

/** The stored input again as a raw record: the original bytes for HTML, the decoded text otherwise. */
async function toRecord(store: Store, doc: StoredDoc): Promise<RawRecord> {
  const isHtml = doc.source.mediaType.includes('html');
  const original = isHtml ? await store.getOriginal(doc.id) : undefined;
  return {
    uri: doc.source.uri,
    content: original ? decodeBytes(original, doc.source.charset, true).text : doc.raw,
    mediaType: doc.source.mediaType,
    charset: doc.source.charset,
    charsetFrom: doc.source.charsetFrom,
    externalId: doc.externalId,
    hints: doc.source.hints,
  };
}
