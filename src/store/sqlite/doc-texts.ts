import type Database from 'better-sqlite3';
import type { LayerName, Span } from '../../model/index.js';
import type { DocText } from '../store.js';

/** A page of documents' headline, text and chosen layers, in the order of `ids`; unknown ids are skipped. */
export function readDocTexts(db: Database.Database, ids: readonly string[], layers: readonly LayerName[]): DocText[] {
  if (ids.length === 0) return [];
  // A page's ids (tens), never a story's: json_each keeps them one bound parameter.
  const docs = db
    .prepare(
      `SELECT d.seq, d.id, d.headline, d.text FROM json_each(?) w CROSS JOIN documents d ON d.id = w.value ORDER BY w.key`,
    )
    .all(JSON.stringify(ids)) as { seq: number; id: string; headline: string | null; text: string }[];
  const layerRows =
    layers.length === 0 || docs.length === 0
      ? []
      : (db
          .prepare(
            `SELECT l.doc_seq, l.layer, l.spans FROM json_each(?) w CROSS JOIN layers l ON l.doc_seq = w.value
             WHERE l.layer IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(docs.map((doc) => doc.seq)), JSON.stringify(layers)) as {
          doc_seq: number;
          layer: LayerName;
          spans: string;
        }[]);
  return docs.map((doc) => ({
    id: doc.id,
    headline: doc.headline ?? undefined,
    text: doc.text,
    layers: Object.fromEntries(
      layerRows.filter((row) => row.doc_seq === doc.seq).map((row) => [row.layer, JSON.parse(row.spans) as Span[]]),
    ),
  }));
}
