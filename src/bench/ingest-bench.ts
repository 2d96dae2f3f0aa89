import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerName } from '../model/index.js';
import { loadNewsCorpus, writeReplicatedCorpus } from './corpus.js';
import { runLede } from './lede-process.js';

export interface IngestBenchOptions {
  sizes: number[];
  layers?: ReadonlySet<LayerName>;
  workers?: number;
  log: (line: string) => void;
}

export interface IngestBenchRow {
  documents: number;
  megabytes: number;
  seconds: number;
  docsPerSecond: number;
  megabytesPerSecond: number;
  peakRssMb: number;
}

/** Ingest throughput (read, clean, analyse, store) and peak memory at each corpus size. */
export async function benchIngest(options: IngestBenchOptions): Promise<IngestBenchRow[]> {
  const corpus = loadNewsCorpus();
  const rows: IngestBenchRow[] = [];
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
    try {
      const input = join(dir, 'corpus.jsonl');
      const bytes = await writeReplicatedCorpus(input, size, corpus);
      // The ingest runs as its own `lede ingest` process, so its peak memory is measured alone,
      // without the corpus this benchmark holds to write its input.
      const args = ['--db', join(dir, 'bench.sqlite'), 'ingest', input, '--no-link', '--batch', '500'];
      if (options.layers) args.push('--layers', [...options.layers].join(','));
      if (options.workers !== undefined) args.push('--workers', String(options.workers));
      const { output: summary, seconds, peakRssMb } = runLede<{ ingested: number }>(args);
      const row = {
        documents: summary.ingested,
        megabytes: bytes / 1024 / 1024,
        seconds,
        docsPerSecond: summary.ingested / seconds,
        megabytesPerSecond: bytes / 1024 / 1024 / seconds,
        peakRssMb,
      };
      rows.push(row);
      options.log(
        `${String(row.documents).padStart(8)} docs  ${row.megabytes.toFixed(1).padStart(7)} MB  ${row.seconds.toFixed(1).padStart(6)} s  ` +
          `${row.docsPerSecond.toFixed(0).padStart(6)} docs/s  ${row.megabytesPerSecond.toFixed(2).padStart(6)} MB/s  peak RSS ${row.peakRssMb.toFixed(0)} MB`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
