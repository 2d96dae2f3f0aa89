import type { DocMeta, LayerName } from '../../model/index.js';
import { type DecodedDocumentRow, toStoredDoc as decodedDoc, toSummary as decodedSummary } from '../document-rows.js';
import type { DocSummary, StoredDoc } from '../store.js';

/** A `documents` row as SQLite returns it: the flag a number, the metadata JSON text. */
export type DocumentRow = Omit<DecodedDocumentRow, 'published_estimated' | 'meta'> & {
  published_estimated: number;
  meta: string;
  /** Character pairs of the Han, kana and Hangul runs, for search (`unspacedBigrams`). */
  cjk: string;
};

/** The columns of a document summary, with `d` the documents table. */
export const SUMMARY_COLUMNS =
  'd.seq, d.id, d.external_id, d.uri, d.headline, d.published, d.published_estimated, d.outlet, d.word_count, ' +
  "json_extract(d.meta, '$.sections') AS sections";

export type SummaryRow = Pick<
  DocumentRow,
  'seq' | 'id' | 'external_id' | 'uri' | 'headline' | 'published' | 'published_estimated' | 'outlet' | 'word_count'
> & { sections: string | null };

export function toSummary(row: SummaryRow): DocSummary {
  return decodedSummary({
    ...row,
    published_estimated: row.published_estimated === 1,
    sections: row.sections ? (JSON.parse(row.sections) as string[]) : null,
  });
}

export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/** A `documents` row and its layers' rows as the document they store. */
export function toStoredDoc(row: DocumentRow, layerRows: readonly { layer: LayerName; spans: string }[]): StoredDoc {
  const { cjk: _cjk, ...columns } = row;
  return decodedDoc(
    { ...columns, published_estimated: row.published_estimated === 1, meta: JSON.parse(row.meta) as DocMeta },
    layerRows,
  );
}
