import type { DocMeta, LayerName, Span } from '../../model/index.js';
import type { DocSummary, StoredDoc } from '../store.js';

/** A `documents` row as node-postgres returns it (meta parsed from jsonb). */
export interface PgDocumentRow {
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
  published_estimated: boolean;
  outlet: string | null;
  language: string | null;
  meta: DocMeta;
  text: string;
  raw: string;
  origin: string;
  messages: string;
  word_count: number;
}

/** Every column but the search vector, with `d` the documents table. */
export const DOCUMENT_COLUMNS =
  'd.seq, d.id, d.external_id, d.uri, d.media_type, d.charset, d.charset_from, d.hints, d.fetched_at, d.ingested_at, ' +
  'd.headline, d.published, d.published_estimated, d.outlet, d.language, d.meta, d.text, d.raw, d.origin, d.messages, d.word_count';

export const SUMMARY_COLUMNS =
  "d.seq, d.id, d.external_id, d.uri, d.headline, d.published, d.published_estimated, d.outlet, d.word_count, d.meta->'sections' AS sections";

export type SummaryRow = Pick<
  PgDocumentRow,
  'seq' | 'id' | 'external_id' | 'uri' | 'headline' | 'published' | 'published_estimated' | 'outlet' | 'word_count'
> & { sections: string[] | null };

export function toSummary(row: SummaryRow): DocSummary {
  return {
    id: row.id,
    externalId: row.external_id ?? undefined,
    uri: row.uri,
    headline: row.headline ?? undefined,
    published: row.published ?? undefined,
    publishedEstimated: row.published_estimated,
    outlet: row.outlet ?? undefined,
    sections: row.sections ?? [],
    wordCount: row.word_count,
  };
}

export function toStoredDoc(row: PgDocumentRow, layerRows: readonly { layer: LayerName; spans: string }[]): StoredDoc {
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
    meta: row.meta,
    layers,
    messages: JSON.parse(row.messages),
  };
}
