import { availableParallelism } from 'node:os';
import { errorMessage } from '../errors.js';
import type { RawRecord } from '../ingest/index.js';
import type { Doc, LayerName } from '../model/index.js';
import { codePath, RUNNING_COMPILED } from '../resources/index.js';
import { analyseRecord } from './analyse-record.js';
import { createDefaultPipeline } from './default-stages.js';
import { DOCUMENT_BUDGET_MS, type Pipeline } from './run.js';

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
  /** Stages other than the default ones; they run in this thread, since a worker builds its own. */
  pipeline?: Pipeline;
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
  const workerFile = codePath('pipeline/analyse-worker.js');
  // Workers load the compiled worker file; under a TypeScript runner (tests) there is none, so analyse inline.
  const compiled = RUNNING_COMPILED;
  const workers = options.workers ?? (compiled ? Math.min(availableParallelism(), 4) : 0);
  const layers = options.layers ? [...options.layers] : undefined;
  const plainLines = (learnt: LearntLines): AnalyseTask['learnt'] =>
    [...learnt].map(([outlet, lines]) => [outlet, [...lines]]);

  if (workers <= 0 || !compiled || options.pipeline) {
    const pipeline = options.pipeline ?? (await createDefaultPipeline());
    return {
      analyse: async (records, learnt) => analyseBatch(pipeline, { records, layers, learnt: plainLines(learnt) }),
      close: async () => {},
    };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: workerFile,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
  });
  let inline: Promise<Pipeline> | undefined;
  // The guard's clock must start when a worker takes the task, not while it waits in the pool's queue.
  const oneAtATimePerWorker = limitConcurrency(workers);
  return {
    async analyse(records, learnt) {
      const plain = plainLines(learnt);
      return analyseInTasks(
        records,
        (part) =>
          oneAtATimePerWorker(
            () =>
              pool.run({ records: part, layers, learnt: plain } satisfies AnalyseTask, {
                signal: AbortSignal.timeout(WORKER_GUARD_MS * part.length),
              }) as Promise<AnalyseResult[]>,
          ),
        RECORDS_PER_TASK,
        async (record) => {
          inline ??= createDefaultPipeline();
          return analyseBatch(await inline, { records: [record], layers, learnt: plain })[0] as AnalyseResult;
        },
      );
    },
    close: () => pool.destroy(),
  };
}

/**
 * Records per worker task. A worker holds a task's documents until it returns them all; a task of
 * hundreds keeps them alive long enough to be promoted to the old generation, where they stay as
 * garbage until a full collection, which V8 puts off while its heap limit is far: in the ingest
 * benchmark each worker's heap grew with the corpus, from about 90 MB to 220 MB by 50,000 documents.
 * A few documents at a time die young, and the heap stays flat.
 */
const RECORDS_PER_TASK = 16;

/**
 * Old-generation heap of each analysing thread, in MB. Without a limit V8 lets a worker's heap grow
 * towards the machine's default before collecting: with every layer, two workers and the main thread
 * peaked at 868 MB by 2,000 articles (`lede bench --sizes 2000`). A worker that needs more than
 * this (one very long document) dies; its records are retried alone, and a record that kills a
 * worker alone fails with a message: the main thread, whose heap has no limit, must not run it.
 */
export const WORKER_OLD_GENERATION_MB = 320;

/**
 * Time a worker gets per record before it is stopped. The pipeline's own budget (`DOCUMENT_BUDGET_MS`)
 * is checked between stages; this guard is for a stage that never returns, so it is twice as long.
 */
export const WORKER_GUARD_MS = 2 * DOCUMENT_BUDGET_MS;

/** Why a worker died with a record: it then fails alone instead of running unguarded in the main thread. */
export function workerDeath(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const name = (error as { name?: unknown } | undefined)?.name;
  const message = errorMessage(error);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(message))
    return `its worker ran out of memory (${WORKER_OLD_GENERATION_MB} MB heap)`;
  if (name === 'AbortError' || name === 'TimeoutError' || /aborted/i.test(message))
    return `its worker was stopped after ${WORKER_GUARD_MS / 1000} s (a stage did not return)`;
  if (/worker.*(exit|terminat)/i.test(message)) return `its worker died (${message})`;
  return undefined;
}

/**
 * Splits records into small tasks, runs them all and keeps the order. The pool queues what it cannot
 * start: one batch at most, since ingest reads no further until the batch is stored. A task that
 * fails as a whole (its worker crashed or ran out of memory) is retried record by record, so one bad
 * record costs only itself. A record that kills its worker alone becomes an error; one that fails
 * alone for another reason goes to `fallback`, else becomes an error.
 */
export async function analyseInTasks(
  records: readonly RawRecord[],
  run: (records: RawRecord[]) => Promise<AnalyseResult[]>,
  recordsPerTask = RECORDS_PER_TASK,
  fallback?: (record: RawRecord) => Promise<AnalyseResult>,
): Promise<AnalyseResult[]> {
  const alone = (record: RawRecord): Promise<AnalyseResult> =>
    run([record]).then(
      (results) => results[0] as AnalyseResult,
      (error: unknown) => {
        const death = workerDeath(error);
        if (death) return { error: `analysis failed for ${record.uri}: ${death}; the other records are kept` };
        return fallback
          ? fallback(record).catch((again: unknown) => ({ error: `analysis failed: ${errorMessage(again)}` }))
          : { error: `analysis failed: ${errorMessage(error)}` };
      },
    );
  const tasks: Promise<AnalyseResult[]>[] = [];
  for (let i = 0; i < records.length; i += recordsPerTask) {
    const part = records.slice(i, i + recordsPerTask);
    tasks.push(run(part).catch(() => Promise.all(part.map(alone))));
  }
  return (await Promise.all(tasks)).flat();
}

/** Runs at most `limit` of the given jobs at once, in call order. */
export function limitConcurrency(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    // A finishing job hands its slot straight to the next waiting one, so no newcomer slips in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
