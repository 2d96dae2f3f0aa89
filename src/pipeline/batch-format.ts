import type { Doc, Span } from '../model/index.js';

/** One output line of `lede annotate`, exactly as ../shared/BATCH-INTERFACE.md fixes it. */
export interface BatchRecord {
  id: string;
  text: string;
  headline: string | null;
  published: { value: string; estimated: boolean; latest?: string; confidence?: number } | null;
  sections: string[];
  outlet: string | null;
  entities: { start: number; end: number; type: string; entity: string }[];
  quotes: {
    start: number;
    end: number;
    kind: string;
    speaker: { start: number; end: number } | null;
    speakerName: string | null;
    cue: { start: number; end: number } | null;
  }[];
  timexes: { start: number; end: number; type: string; value: string }[];
  figures: { start: number; end: number; value: number | null; unit: string }[];
  loaded: { start: number; end: number; technique: string; score: number }[];
  /** Quotes in the headline, offsets into `headline` (an addition to the interface's fields). */
  headlineQuotes: NonNullable<Doc['meta']['headlineQuotes']>;
}

export function toBatchRecord(id: string, doc: Doc): BatchRecord {
  const layers = doc.layers;
  const published = doc.meta.published;
  return {
    id,
    text: doc.text,
    headline: doc.meta.headline ?? null,
    published: published ? batchPublished(published) : null,
    sections: doc.meta.sections,
    outlet: doc.meta.outlet ?? null,
    entities: (layers.entities ?? []).map((span) => ({
      start: span.start,
      end: span.end,
      type: span.label,
      entity: str(span, 'entity') ?? doc.text.slice(span.start, span.end),
    })),
    quotes: (layers.quotes ?? []).map((span) => ({
      start: span.start,
      end: span.end,
      kind: span.label,
      speaker: range(span, 'speakerStart', 'speakerEnd'),
      speakerName: str(span, 'speakerName') ?? null,
      cue: range(span, 'cueStart', 'cueEnd'),
    })),
    timexes: (layers.timexes ?? []).map((span) => ({
      start: span.start,
      end: span.end,
      type: span.label,
      value: str(span, 'value') ?? '',
    })),
    figures: (layers.figures ?? []).map((span) => ({
      start: span.start,
      end: span.end,
      value: typeof span.attrs?.value === 'number' ? span.attrs.value : null,
      unit: str(span, 'unit') ?? '',
    })),
    headlineQuotes: doc.meta.headlineQuotes ?? [],
    loaded: (layers.loaded ?? []).map((span) => ({
      start: span.start,
      end: span.end,
      technique: span.label,
      score: typeof span.attrs?.score === 'number' ? span.attrs.score : (span.by.score ?? 0),
    })),
  };
}

function str(span: Span, key: string): string | undefined {
  const value = span.attrs?.[key];
  return typeof value === 'string' ? value : undefined;
}

function range(span: Span, startKey: string, endKey: string): { start: number; end: number } | null {
  const start = span.attrs?.[startKey];
  const end = span.attrs?.[endKey];
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
}

/**
 * A stated date is cut to its day. An estimate is a range: the interface gives its earliest day as
 * `value` and its last day as `latest` (a range value like `2004-11/2005-03` is no day), with the
 * confidence where one was measured.
 */
function batchPublished(published: NonNullable<Doc['meta']['published']>): NonNullable<BatchRecord['published']> {
  if (!published.estimated) return { value: published.value.slice(0, 10), estimated: false };
  const earliest = (published.earliest ?? published.value).slice(0, 10);
  const latest = (published.latest ?? published.earliest ?? published.value).slice(0, 10);
  return {
    value: earliest,
    estimated: true,
    ...(latest !== earliest ? { latest } : {}),
    ...(published.confidence !== undefined ? { confidence: published.confidence } : {}),
  };
}
