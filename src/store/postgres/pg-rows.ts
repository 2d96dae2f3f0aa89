import type { DecodedDocumentRow, DecodedSummaryRow } from '../document-rows.js';

export { toStoredDoc, toSummary } from '../document-rows.js';
export type PgDocumentRow = DecodedDocumentRow;
export type SummaryRow = DecodedSummaryRow;

/** Every column but the search vector, with `d` the documents table. */
export const DOCUMENT_COLUMNS =
  'd.seq, d.id, d.external_id, d.uri, d.media_type, d.charset, d.charset_from, d.hints, d.fetched_at, d.ingested_at, ' +
  'd.headline, d.published, d.published_estimated, d.outlet, d.language, d.meta, d.text, d.raw, d.origin, d.messages, d.word_count';

export const SUMMARY_COLUMNS =
  "d.seq, d.id, d.external_id, d.uri, d.headline, d.published, d.published_estimated, d.outlet, d.word_count, d.meta->'sections' AS sections";
