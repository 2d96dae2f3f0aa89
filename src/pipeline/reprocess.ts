import { keepsLearntBoilerplate } from '../clean/index.js';
import { decodeBytes, type RawRecord } from '../ingest/index.js';
import type { LayerName } from '../model/index.js';
import type { Store, StoredDoc } from '../store/index.js';
import { createAnalyser } from './analyse.js';
import { createDefaultPipeline } from './default-stages.js';

export interface ReprocessOptions {
  /** Redo every document, not only those a newer stage or newly learnt boilerplate makes stale. */
  all?: boolean;
  workers?: number;
  learnAfter?: number;
  batchSize?: number;
  onProgress?: (done: number, changed: number) => void;
}

/**
 * Re-cleans and re-analyses stored documents from their original input: those whose layers were
 * made by an older stage version (or are missing), or all with `all`. Learnt boilerplate is
 * applied, so documents stored before a line was learnt lose it now.
 */
export async function reprocessDocuments(
  store: Store,
  options: ReprocessOptions = {},
): Promise<{ seen: number; changed: number }> {
  const expected = new Map<LayerName, string>();
  for (const stage of createDefaultPipeline().stages) {
    for (const layer of stage.produces as LayerName[]) expected.set(layer, `${stage.name}@${stage.version}`);
  }
  const analyser = await createAnalyser({ workers: options.workers });
  const learnt = store.learntBoilerplateByOutlet(options.learnAfter ?? 4);
  let seen = 0;
  let changed = 0;
  let batch: StoredDoc[] = [];
  const flush = async () => {
    const records = batch.map((doc) => toRecord(store, doc));
    const results = await analyser.analyse(records, learnt);
    results.forEach((result, index) => {
      const before = batch[index] as StoredDoc;
      if ('error' in result) return;
      const after = { ...result.doc, id: before.id, externalId: before.externalId };
      store.replaceDocument(after);
      changed++;
    });
    batch = [];
    options.onProgress?.(seen, changed);
  };
  try {
    // Collect ids first: the iterator holds a read cursor that writes must not interleave with.
    const stale: string[] = [];
    for (const doc of store.iterateDocuments()) {
      seen++;
      if (options.all || isStale(store.layerVersions(doc.id), expected) || hasLearntLines(doc, learnt))
        stale.push(doc.id);
    }
    for (const id of stale) {
      const doc = store.getDocument(id);
      if (doc) batch.push(doc);
      if (batch.length >= (options.batchSize ?? 200)) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await analyser.close();
  }
  return { seen, changed };
}

function isStale(stored: Map<LayerName, string>, expected: Map<LayerName, string>): boolean {
  for (const [layer, version] of expected) if (stored.get(layer) !== version) return true;
  return false;
}

function hasLearntLines(doc: StoredDoc, learnt: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const stored = { raw: doc.raw, mediaType: doc.source.mediaType, dropped: doc.meta.boilerplate };
  return keepsLearntBoilerplate(stored, learnt.get(doc.meta.outlet ?? ''));
}

/** The stored input again as a raw record: the original bytes for HTML, the decoded text otherwise. */
function toRecord(store: Store, doc: StoredDoc): RawRecord {
  const isHtml = doc.source.mediaType.includes('html');
  const original = isHtml ? store.getOriginal(doc.id) : undefined;
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
