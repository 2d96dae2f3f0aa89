import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerName } from '../model/index.js';
import { ingestInputs } from '../pipeline/index.js';
import { openSqliteStore } from '../store/index.js';
import { loadNewsCorpus, writeReplicatedCorpus } from './corpus.js';

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
      const store = openSqliteStore(join(dir, 'bench.sqlite'));
      const peak = trackPeakRss();
      const started = process.hrtime.bigint();
      const summary = await ingestInputs(store, [input], {
        context: { maxDocumentBytes: 20 * 1024 * 1024 },
        layers: options.layers,
        workers: options.workers,
        batchSize: 500,
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      store.close();
      const row = {
        documents: summary.ingested,
        megabytes: bytes / 1024 / 1024,
        seconds,
        docsPerSecond: summary.ingested / seconds,
        megabytesPerSecond: bytes / 1024 / 1024 / seconds,
        peakRssMb: peak.stop(),
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

/** Samples resident memory every 50 ms; the process-wide maxRSS cannot be reset between sizes. */
function trackPeakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024;
    },
  };
}
