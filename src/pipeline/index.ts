/** Builds and runs an ordered, checked list of stages over documents. */

export { createDefaultPipeline } from './default-stages.js';
export type { Pipeline } from './run.js';
export { createPipeline } from './run.js';
export type { AnyStage, Stage } from './stage.js';
