import { type AnalyseResult, type AnalyseTask, analyseBatch } from './analyse.js';
import { createDefaultPipeline } from './default-stages.js';
import type { Pipeline } from './run.js';

let pipeline: Pipeline | undefined;

/** A worker thread's task: the default pipeline is built once per thread (models load once). */
export default function analyseInWorker(task: AnalyseTask): AnalyseResult[] {
  pipeline ??= createDefaultPipeline();
  return analyseBatch(pipeline, task);
}
