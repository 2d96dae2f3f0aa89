import type { Doc } from '../model/index.js';
import type { DocToStore, Store, StoredDoc } from './store.js';

export interface CopyProgress {
  /** Source documents read so far, of `total`. */
  done: number;
  total: number;
  copied: number;
  /** Documents the target held already (a resumed copy, or `--append`). */
  duplicates: number;
}

export interface CopyOptions {
  /** Documents per transaction on the target (200 by default). */
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Asked between batches: true stops after the batch just committed. */
  shouldStop?: () => boolean;
}

export interface CopySummary {
  /** Documents in the source. */
  documents: number;
  copied: number;
  duplicates: number;
  /** Failed inputs and curation decisions copied (those the target held already are not counted). */
  failures: number;
  curation: number;
  /** Stopped before every document was copied (`shouldStop`): failures and curation are not copied yet. */
  interrupted: boolean;
}

/**
 * Copies what a store holds as input to linking into another store: every document whole, in the
 * source's insertion order, with its layers, the stage version of each output (so the target's
 * `lede reprocess` finds as much stale as the source's) and its original bytes; then the failed inputs and the
 * curation decisions, each with its time. The corpus results (stories, versions, identities, claims)
 * are not copied: linking the target computes them from these, curation included.
 *
 * Each batch is one transaction on the target, and whatever the target holds already is skipped
 * (documents by id, failures and decisions by content and time), so running it again after a kill
 * finishes the copy without doubling anything. The target assigns its own sequence numbers: in the
 * source's order, the same numbers when it started empty.
 */
export async function copyStore(source: Store, target: Store, options: CopyOptions = {}): Promise<CopySummary> {
  const batchSize = options.batchSize ?? 200;
  const total = await source.countDocuments();
  const progress: CopyProgress = { done: 0, total, copied: 0, duplicates: 0 };
  const summary: CopySummary = {
    documents: total,
    copied: 0,
    duplicates: 0,
    failures: 0,
    curation: 0,
    interrupted: false,
  };
  let batch: DocToStore[] = [];
  const flush = async () => {
    for (const outcome of await target.putDocuments(batch)) {
      if (outcome.status === 'inserted') progress.copied++;
      else progress.duplicates++;
    }
    progress.done += batch.length;
    batch = [];
    options.onProgress?.({ ...progress });
  };
  options.onProgress?.({ ...progress });
  for await (const stored of source.iterateDocuments()) {
    // A document the target holds is neither read whole nor sent again: a resumed copy skips ahead.
    batch.push(
      (await target.hasDocument(stored.id))
        ? { doc: stored }
        : {
            doc: {
              ...withoutBookkeeping(stored),
              versions: Object.fromEntries(await source.outputVersions(stored.id)),
            },
            original: await source.getOriginal(stored.id),
            ingestedAt: stored.ingestedAt,
          },
    );
    if (batch.length >= batchSize) {
      await flush();
      if (options.shouldStop?.()) {
        Object.assign(summary, { copied: progress.copied, duplicates: progress.duplicates, interrupted: true });
        return summary;
      }
    }
  }
  if (batch.length > 0) await flush();
  Object.assign(summary, { copied: progress.copied, duplicates: progress.duplicates });
  summary.failures = await copyFailures(source, target);
  summary.curation = await copyCuration(source, target);
  return summary;
}

/** The document as `putDocuments` takes it: `seq` and `ingestedAt` are the store's, not the document's. */
function withoutBookkeeping(stored: StoredDoc): Doc {
  const { seq: _seq, ingestedAt: _ingestedAt, ...doc } = stored;
  return doc;
}

async function copyFailures(source: Store, target: Store): Promise<number> {
  const key = (failure: { uri: string; reason: string; at: string }) =>
    JSON.stringify([failure.uri, failure.reason, failure.at]);
  const held = countedKeys((await target.listFailures()).map(key));
  const missing = (await source.listFailures()).filter((failure) => !takeOne(held, key(failure)));
  // One call: one transaction, so a kill copies all of them or none.
  await target.recordFailures(missing);
  return missing.length;
}

async function copyCuration(source: Store, target: Store): Promise<number> {
  const key = (row: { decision: unknown; at: string }) => JSON.stringify([row.decision, row.at]);
  const held = countedKeys((await target.listCuration()).map(key));
  const missing = (await source.listCuration()).filter((row) => !takeOne(held, key(row)));
  // In the order they were made: a later decision may build on an earlier one (a merge, then a rename).
  await target.writeExclusively(async () => {
    for (const row of missing) await target.addCuration(row.decision, row.at);
  });
  return missing.length;
}

/** How often each key occurs: the same failure can be recorded twice at one time (one input in two runs). */
function countedKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Whether the multiset holds the key, taking one occurrence of it if so. */
function takeOne(counts: Map<string, number>, key: string): boolean {
  const count = counts.get(key) ?? 0;
  if (count === 0) return false;
  counts.set(key, count - 1);
  return true;
}
