import type { LayerName } from './layers.js';

/**
 * The metadata fields a stage may compute. `clean/` reads the rest of `meta` from the input; these
 * are analysis, so they are versioned like layers and recomputed by `lede reprocess` when stale.
 */
export const META_OUTPUTS = ['meta.headlineQuotes', 'meta.language', 'meta.published'] as const;
export type MetaOutput = (typeof META_OUTPUTS)[number];
export type ComputedMetaField = MetaOutput extends `meta.${infer Field}` ? Field : never;

/** What a stage can produce, and so what `Doc.versions` records: a layer or a metadata field. */
export type StageOutput = LayerName | MetaOutput;

export function isMetaOutput(output: string): output is MetaOutput {
  return (META_OUTPUTS as readonly string[]).includes(output);
}

export function metaField(output: MetaOutput): ComputedMetaField {
  return output.slice('meta.'.length) as ComputedMetaField;
}
