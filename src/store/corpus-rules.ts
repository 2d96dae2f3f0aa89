import type { Json, Span } from '../model/index.js';
import type { DocRef, SpanRecord } from './store.js';

/**
 * What every store implementation decides alike about corpus-level reads: which spans the span
 * index keeps and under which key, how much evidence it keeps, how far an entity page looks, and how
 * per-document names add up to corpus names.
 */

/** The layers whose spans corpus-level views aggregate, and the attribute each is keyed by. */
export const INDEXED_LAYERS: Record<string, (span: Span, text: string) => Json | undefined> = {
  entities: (span, text) => span.attrs?.entity ?? text,
  quotes: (span) => span.attrs?.speakerName,
  timexes: (span) => span.attrs?.value,
  events: (span) => span.attrs?.date,
  loaded: (span) => span.label,
};

/** Characters of a span's text the index keeps. */
export const MAX_EVIDENCE = 1000;
/** Co-occurrence and quotes about an entity are read from its most recent documents only, to bound the work. */
export const COOCCURRENCE_WINDOW = 200;
export const SURFACE_FORM_WINDOW = 2000;
export const RECENT_DOCUMENTS = 20;
/** Names kept per story: the most a story page shows. */
export const STORY_ENTITY_LIMIT = 30;
/** Copy ids listed with a search hit, best-ranked first; `copies` counts them all. */
export const COPY_IDS = 10;

/** The span index rows of one document's layer: evidence text and key, or nothing for a layer not indexed. */
export function spanIndexRows(
  layer: string,
  spans: readonly Span[],
  text: string,
): { span: Span; text: string; key: string | null }[] | undefined {
  const keyOf = INDEXED_LAYERS[layer];
  if (!keyOf) return undefined;
  return spans.map((span) => {
    const evidence = text.slice(span.start, Math.min(span.end, span.start + MAX_EVIDENCE));
    const key = keyOf(span, evidence);
    return { span, text: evidence, key: typeof key === 'string' ? key : null };
  });
}

/** The per-document names that stand for `name`: itself and every name `names` maps to it. */
export function keysOf(name: string, names: ReadonlyMap<string, string> | undefined): string[] {
  const keys = new Set([name]);
  for (const [key, corpusName] of names ?? []) if (corpusName === name) keys.add(key);
  return [...keys];
}

/**
 * Counts per per-document name summed per corpus name, most first. A name that is no identity's (a
 * description: `analysts`, `Analysts`) is summed whatever its case and shown as most often written.
 */
export function mergeCounts(
  counts: readonly { value: string; count: number }[],
  names: ReadonlyMap<string, string> | undefined,
): { value: string; count: number }[] {
  const merged = new Map<string, { count: number; written: Map<string, number> }>();
  for (const { value, count } of counts) {
    const corpusName = names?.get(value);
    const key = corpusName === undefined ? `~${value.toLowerCase()}` : `=${corpusName}`;
    const entry = merged.get(key) ?? { count: 0, written: new Map<string, number>() };
    entry.count += count;
    const shown = corpusName ?? value;
    entry.written.set(shown, (entry.written.get(shown) ?? 0) + count);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map(({ count, written }) => ({
      value: [...written].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as string,
      count,
    }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A span index row joined with its document, as both stores select it. */
export interface SpanRow {
  id: string;
  headline: string | null;
  outlet: string | null;
  published: string | null;
  layer: string;
  span_id: string;
  start: number;
  end: number;
  label: string;
  key: string | null;
  text: string;
}

export type RefRow = { id: string; headline: string | null; outlet: string | null; published: string | null };

export function cleanRef(doc: RefRow): DocRef {
  return {
    id: doc.id,
    headline: doc.headline ?? undefined,
    outlet: doc.outlet ?? undefined,
    published: doc.published ?? undefined,
  };
}

export function toRecord(row: SpanRow): SpanRecord {
  return {
    doc: cleanRef(row),
    layer: row.layer,
    spanId: row.span_id,
    start: row.start,
    end: row.end,
    label: row.label,
    key: row.key ?? undefined,
    text: row.text,
  };
}
