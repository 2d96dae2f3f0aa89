import type { Doc } from './doc.js';
import type { LayerMap, LayerName } from './layers.js';
import type { Reporter } from './message.js';

/**
 * A stage reads a document and returns new layers; it never mutates the document.
 * `requires` and `produces` let the runner check the order once, when the pipeline is built.
 */
export interface Stage<R extends LayerName = LayerName, P extends LayerName = LayerName> {
  name: string;
  /** Bump when the output changes, so stored layers made by an older version are recomputed. */
  version: number;
  requires: readonly R[];
  produces: readonly P[];
  run(doc: Readonly<Doc>, report: Reporter): Pick<LayerMap, P>;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of stages mixes every parameterisation
export type AnyStage = Stage<any, any>;
