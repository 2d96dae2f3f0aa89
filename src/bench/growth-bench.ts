import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNewsCorpus, writeReplicatedCorpus } from './corpus.js';
import { runLede } from './lede-process.js';

export interface GrowthBenchOptions {
  /** Store sizes to add the new documents to. */
  sizes: number[];
  /** How many new documents each store receives (default 25). */
  added?: number;
  workers?: number;
  log: (line: string) => void;
}

interface IngestRun {
  seconds: number;
  peakRssMb: number;
  ingested: number;
  link?: { seconds: number; steps: { name: string; seconds: number }[] };
}

/**
 * A corpus that grows: for each size, a store of that many documents (every layer, linked), then a
 * batch of new documents ingested and linked into it, as monitoring does every few minutes. Prints
 * the batch's ingest and linking time, linking's steps, and the peak RSS of each `lede ingest`.
 */
export async function benchGrowth(options: GrowthBenchOptions): Promise<void> {
  const corpus = loadNewsCorpus();
  const added = options.added ?? 25;
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'lede-bench-grow-'));
    try {
      await writeReplicatedCorpus(join(dir, 'base.jsonl'), size, corpus);
      await writeReplicatedCorpus(join(dir, 'new.jsonl'), added, corpus, size);
      const db = join(dir, 'bench.sqlite');
      const base = ingest(db, join(dir, 'base.jsonl'), options.workers);
      options.log(
        `store of ${size}: built in ${base.seconds.toFixed(1)} s (linking ${base.link?.seconds.toFixed(1) ?? '?'} s), peak RSS ${base.peakRssMb.toFixed(0)} MB`,
      );
      const batch = ingest(db, join(dir, 'new.jsonl'), options.workers);
      const steps = (batch.link?.steps ?? []).map((step) => `${step.name} ${step.seconds.toFixed(2)}`).join(', ');
      options.log(
        `  +${batch.ingested} new: ${batch.seconds.toFixed(1)} s in all, linking ${batch.link?.seconds.toFixed(1) ?? '?'} s (${steps}), peak RSS ${batch.peakRssMb.toFixed(0)} MB`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function ingest(db: string, input: string, workers: number | undefined): IngestRun {
  const args = ['--db', db, 'ingest', input];
  if (workers !== undefined) args.push('--workers', String(workers));
  const run = runLede<Omit<IngestRun, 'seconds' | 'peakRssMb'>>(args);
  return { ...run.output, seconds: run.seconds, peakRssMb: run.peakRssMb };
}
