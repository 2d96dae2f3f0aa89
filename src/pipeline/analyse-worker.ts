import { type AnalyseResult, type AnalyseTask, analyseBatch } from './analyse.js';
import { createDefaultPipeline } from './default-stages.js';
import type { Pipeline } from './run.js';

let pipeline: Promise<Pipeline> | undefined;

/** A worker thread's task: the default pipeline is built once per thread (models load once). */
export default async function analyseInWorker(task: AnalyseTask): Promise<AnalyseResult[]> {
  pipeline ??= createDefaultPipeline();
  return analyseBatch(await pipeline, task);
}
