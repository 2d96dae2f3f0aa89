import type { DocMeta, LayerName, Span } from '../../model/index.js';
import type { DocSummary, StoredDoc } from '../store.js';

/** A `documents` row as SQLite returns it. */
export interface DocumentRow {
  seq: number;
  id: string;
  external_id: string | null;
  uri: string;
  media_type: string;
  charset: string | null;
  charset_from: string | null;
  hints: string | null;
  fetched_at: string | null;
  ingested_at: string;
  headline: string | null;
  published: string | null;
  published_estimated: number;
  outlet: string | null;
  language: string | null;
  meta: string;
  text: string;
  raw: string;
  origin: string;
  messages: string;
  word_count: number;
  /** Character pairs of the Han, kana and Hangul runs, for search (`unspacedBigrams`). */
  cjk: string;
}

/** The columns of a document summary, with `d` the documents table. */
export const SUMMARY_COLUMNS =
  'd.seq, d.id, d.external_id, d.uri, d.headline, d.published, d.published_estimated, d.outlet, d.word_count, ' +
  "json_extract(d.meta, '$.sections') AS sections";

export type SummaryRow = Pick<
  DocumentRow,
  'seq' | 'id' | 'external_id' | 'uri' | 'headline' | 'published' | 'published_estimated' | 'outlet' | 'word_count'
> & { sections: string | null };

export function toSummary(row: SummaryRow): DocSummary {
  return {
    id: row.id,
    externalId: row.external_id ?? undefined,
    uri: row.uri,
    headline: row.headline ?? undefined,
    published: row.published ?? undefined,
    publishedEstimated: row.published_estimated === 1,
    outlet: row.outlet ?? undefined,
    sections: row.sections ? (JSON.parse(row.sections) as string[]) : [],
    wordCount: row.word_count,
  };
}

export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/** A `documents` row and its layers' rows as the document they store. */
export function toStoredDoc(row: DocumentRow, layerRows: readonly { layer: LayerName; spans: string }[]): StoredDoc {
  const layers: Partial<Record<LayerName, Span[]>> = {};
  for (const { layer, spans } of layerRows) layers[layer] = JSON.parse(spans) as Span[];
  return {
    seq: row.seq,
    ingestedAt: row.ingested_at,
    id: row.id,
    externalId: row.external_id ?? undefined,
    source: {
      uri: row.uri,
      mediaType: row.media_type,
      charset: row.charset ?? undefined,
      charsetFrom: row.charset_from ?? undefined,
      hints: row.hints ? JSON.parse(row.hints) : undefined,
      fetchedAt: row.fetched_at ?? undefined,
    },
    raw: row.raw,
    text: row.text,
    origin: JSON.parse(row.origin),
    meta: JSON.parse(row.meta) as DocMeta,
    layers,
    messages: JSON.parse(row.messages),
  };
}
