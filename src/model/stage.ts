import type { Doc, DocMeta } from './doc.js';
import type { LayerMap, LayerName } from './layers.js';
import type { Reporter } from './message.js';
import type { StageOutput } from './outputs.js';

type LayersOf<P extends StageOutput> = Extract<P, LayerName>;
type FieldsOf<P extends StageOutput> = P extends `meta.${infer Field}` ? Field & keyof DocMeta : never;

/**
 * A stage's result: its layers, and for a metadata output the field's new value (absent or
 * undefined removes the field, so a recomputed field never keeps what an older version wrote).
 */
export type StageResult<P extends StageOutput = StageOutput> = Pick<LayerMap, LayersOf<P>> & {
  meta?: Partial<Pick<DocMeta, FieldsOf<P>>>;
};

/**
 * A stage reads a document and returns new layers or metadata fields; it never mutates the document.
 * `requires` and `produces` let the runner check the order once, when the pipeline is built.
 */
export interface Stage<R extends StageOutput = StageOutput, P extends StageOutput = StageOutput> {
  name: string;
  /** Bump when the output changes, so stored outputs made by an older version are recomputed. */
  version: number;
  requires: readonly R[];
  produces: readonly P[];
  run(doc: Readonly<Doc>, report: Reporter): StageResult<P>;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of stages mixes every parameterisation
export type AnyStage = Stage<any, any>;
