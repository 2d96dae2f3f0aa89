/** Plain JSON values, so every record is storable, diffable and safe to send to a worker. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Who produced a span: the stage, its version, and optionally the rule or score behind it. */
export interface Provenance {
  stage: string;
  version: number;
  rule?: string;
  score?: number;
}

/**
 * A standoff annotation over `doc.text`. Offsets are half-open and count UTF-16 code units,
 * so `doc.text.slice(span.start, span.end)` is always the evidence, except in the `metaEntities`
 * layer, whose spans point into the headline or a caption and carry their evidence (layers.ts).
 */
export interface Span {
  id: string;
  start: number;
  end: number;
  label: string;
  attrs?: Record<string, Json>;
  by: Provenance;
}

/** Deterministic span id: the same finding always gets the same id, so reruns diff cleanly. */
export function spanId(layer: string, start: number, end: number, label: string): string {
  return `${layer}:${start}-${end}:${label}`;
}

export function makeSpan(
  layer: string,
  start: number,
  end: number,
  label: string,
  by: Provenance,
  attrs?: Record<string, Json>,
): Span {
  const span: Span = { id: spanId(layer, start, end, label), start, end, label, by };
  if (attrs && Object.keys(attrs).length > 0) span.attrs = attrs;
  return span;
}
