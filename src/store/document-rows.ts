import type { DocMeta, LayerName, Span } from '../model/index.js';
import type { DocSummary, StoredDoc, StoryMemberRef } from './store.js';

/**
 * A `documents` row with its values decoded (booleans, the metadata parsed), as node-postgres returns
 * it and the SQLite store makes it: both stores turn rows into documents and summaries here.
 */
export interface DecodedDocumentRow {
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

export type DecodedSummaryRow = Pick<
  DecodedDocumentRow,
  'seq' | 'id' | 'external_id' | 'uri' | 'headline' | 'published' | 'published_estimated' | 'outlet' | 'word_count'
> & { sections: string[] | null };

export function toSummary(row: DecodedSummaryRow): DocSummary {
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

export function toStoredDoc(
  row: DecodedDocumentRow,
  layerRows: readonly { layer: LayerName; spans: string }[],
): StoredDoc {
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

/** A story member as both stores select it for a story page. */
export interface StoryMemberRow {
  id: string;
  external_id: string | null;
  headline: string | null;
  outlet: string | null;
  published: string | null;
  duplicate_group: string | null;
  previous_version: string | null;
}

export function toMemberRef(row: StoryMemberRow): StoryMemberRef {
  return {
    id: row.id,
    externalId: row.external_id ?? undefined,
    headline: row.headline ?? undefined,
    outlet: row.outlet ?? undefined,
    published: row.published ?? undefined,
    duplicateGroup: row.duplicate_group ?? undefined,
    previousVersion: row.previous_version ?? undefined,
  };
}
