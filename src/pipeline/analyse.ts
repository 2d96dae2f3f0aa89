import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../errors.js';
import type { RawRecord } from '../ingest/index.js';
import type { Doc, LayerName } from '../model/index.js';
import { analyseRecord } from './analyse-record.js';
import { createDefaultPipeline } from './default-stages.js';
import type { Pipeline } from './run.js';

/** Lines learnt as boilerplate, by outlet ('' for documents with no known outlet). */
export type LearntLines = ReadonlyMap<string, ReadonlySet<string>>;

export type AnalyseResult = { doc: Doc } | { error: string };

/** Cleans and analyses records, in order; in worker threads when there are cores to spare. */
export interface Analyser {
  analyse(records: RawRecord[], learnt: LearntLines): Promise<AnalyseResult[]>;
  close(): Promise<void>;
}

export interface AnalyserOptions {
  layers?: ReadonlySet<LayerName>;
  /** Worker threads; 0 analyses in this thread. Default: one per core, when running from the build. */
  workers?: number;
}

/** The task a worker runs: plain data in, plain data out. */
export interface AnalyseTask {
  records: RawRecord[];
  layers?: LayerName[];
  learnt: [string, string[]][];
}

export function analyseBatch(pipeline: Pipeline, task: AnalyseTask): AnalyseResult[] {
  const learnt = new Map(task.learnt.map(([outlet, lines]) => [outlet, new Set(lines)]));
  const layers = task.layers ? new Set(task.layers) : undefined;
  return task.records.map((record) => {
    try {
      return { doc: analyseRecord(record, pipeline, layers, (outlet) => learnt.get(outlet)) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  });
}

export async function createAnalyser(options: AnalyserOptions = {}): Promise<Analyser> {
  const workerFile = fileURLToPath(new URL('./analyse-worker.js', import.meta.url));
  // Workers load the compiled worker file; under a TypeScript runner (tests) there is none, so analyse inline.
  const compiled = import.meta.url.endsWith('.js');
  const workers = options.workers ?? (compiled ? Math.min(availableParallelism(), 4) : 0);
  const layers = options.layers ? [...options.layers] : undefined;
  const toTask = (records: RawRecord[], learnt: LearntLines): AnalyseTask => ({
    records,
    layers,
    learnt: [...learnt].map(([outlet, lines]) => [outlet, [...lines]]),
  });

  if (workers <= 0 || !compiled) {
    const pipeline = createDefaultPipeline();
    return {
      analyse: async (records, learnt) => analyseBatch(pipeline, toTask(records, learnt)),
      close: async () => {},
    };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: workerFile, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  return {
    async analyse(records, learnt) {
      const share = Math.ceil(records.length / workers);
      const parts: RawRecord[][] = [];
      for (let i = 0; i < records.length; i += share) parts.push(records.slice(i, i + share));
      const results = await Promise.all(
        parts.map((part) => pool.run(toTask(part, learnt)) as Promise<AnalyseResult[]>),
      );
      return results.flat();
    },
    close: () => pool.destroy(),
  };
}
