import type { Doc, Span } from '../model/index.js';

/** One output line of `lede annotate`, exactly as ../shared/BATCH-INTERFACE.md fixes it. */
export interface BatchRecord {
  id: string;
  text: string;
  headline: string | null;
  published: { value: string; estimated: boolean } | null;
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
    // A stated date is cut to its day; an estimate is a range (`2004-11/2005-03`) and is given whole.
    published: published
      ? { value: published.estimated ? published.value : published.value.slice(0, 10), estimated: published.estimated }
      : null,
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
