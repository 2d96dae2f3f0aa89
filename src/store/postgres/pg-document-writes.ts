import { LedeError } from '../../errors.js';
import { type DatedValue, type Doc, isMetaOutput, type LayerName, type Span } from '../../model/index.js';
import { boilerplateCandidates, countWords } from '../sqlite/index.js';
import type { DocToStore, PutOutcome } from '../store.js';
import { indexSpans } from './pg-corpus-queries.js';
import type { PgDatabase } from './pg-database.js';
import { jsonForPg, ORDERING_DAY, withoutNul } from './pg-filter.js';
import { searchVector } from './search-vector.js';

/** The stated date the span index keeps for a document: never an estimate. */
export function statedDate(published: DatedValue | undefined): string | undefined {
  return published && !published.estimated ? published.value : undefined;
}

/** Columns whose parameters are cast from text. */
const CASTS: Record<string, string> = { meta: '::jsonb', search: '::tsvector' };

/**
 * What cleaning and analysis decide of a document, as columns: written when it is stored and
 * rewritten when it is reprocessed (the source columns stay). Text is NUL-free, see withoutNul.
 */
function contentColumns(doc: Doc): {
  columns: Record<string, unknown>;
  text: string;
  search: ReturnType<typeof searchVector>;
} {
  const text = withoutNul(doc.text);
  const headline = doc.meta.headline === undefined ? null : withoutNul(doc.meta.headline);
  const search = searchVector(headline, text);
  const columns = {
    headline,
    published: doc.meta.published?.value ?? null,
    published_estimated: doc.meta.published?.estimated === true,
    outlet: doc.meta.outlet === undefined ? null : withoutNul(doc.meta.outlet),
    language: doc.meta.language ?? null,
    meta: jsonForPg(doc.meta),
    text,
    raw: withoutNul(doc.raw),
    origin: jsonForPg(doc.origin),
    messages: jsonForPg(doc.messages),
    word_count: countWords(doc.text),
    search: search.vector,
  };
  return { columns, text, search };
}

/**
 * Writing documents: the row with its search vector, sections, original bytes, layers with their
 * span index rows and versions, and the outlet's candidate boilerplate lines. Callers hold the
 * write transaction.
 */
export class PgDocumentWrites {
  constructor(private readonly db: PgDatabase) {}

  /** Stores one document unless its id or external id is stored already. */
  async put({ doc, original, ingestedAt }: DocToStore): Promise<PutOutcome> {
    if ((await this.db.value<number>('SELECT 1 FROM documents WHERE id = $1', [doc.id])) !== undefined)
      return { id: doc.id, status: 'duplicate', existing: doc.id };
    if (doc.externalId !== undefined) {
      const existing = await this.db.value<string>('SELECT id FROM documents WHERE external_id = $1', [doc.externalId]);
      if (existing) return { id: doc.id, status: 'duplicate', existing };
    }
    const content = contentColumns(doc);
    const source = {
      id: doc.id,
      external_id: doc.externalId ?? null,
      uri: withoutNul(doc.source.uri),
      media_type: doc.source.mediaType,
      charset: doc.source.charset ?? null,
      charset_from: doc.source.charsetFrom ?? null,
      hints: doc.source.hints ? jsonForPg(doc.source.hints) : null,
      fetched_at: doc.source.fetchedAt ?? null,
      ingested_at: ingestedAt ?? new Date().toISOString(),
    };
    const columns = { ...source, ...content.columns };
    const names = Object.keys(columns);
    const seq = await this.db.value<number>(
      `INSERT INTO documents (${names.join(', ')})
       VALUES (${names.map((name, index) => `$${index + 1}${CASTS[name] ?? ''}`).join(', ')}) RETURNING seq`,
      Object.values(columns),
    );
    const { text, search } = content;
    if (seq === undefined) throw new LedeError('STORE', `could not store ${doc.id}`);
    await this.addSearchWords(search.words);
    if (original)
      await this.db.query('INSERT INTO originals (doc_seq, bytes) VALUES ($1, $2)', [seq, Buffer.from(original)]);
    await this.insertSections(seq, doc.meta.sections);
    await this.writeLayers(seq, doc.layers, { text, published: statedDate(doc.meta.published) }, doc.versions);
    const lines = [...boilerplateCandidates(doc.raw)].map(withoutNul);
    if (lines.length > 0) {
      await this.db.query(
        `INSERT INTO outlet_lines (outlet, line, documents) SELECT $1, line, 1 FROM unnest($2::text[]) AS line
         ON CONFLICT (outlet, line) DO UPDATE SET documents = outlet_lines.documents + 1`,
        [withoutNul(doc.meta.outlet ?? ''), lines],
      );
    }
    return { id: doc.id, status: 'inserted' };
  }

  private async addSearchWords(words: readonly string[]): Promise<void> {
    if (words.length === 0) return;
    await this.db.query('INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [words]);
  }

  private async insertSections(seq: number, sections: readonly string[]): Promise<void> {
    if (sections.length === 0) return;
    await this.db.query(
      `INSERT INTO document_sections (doc_seq, section) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [seq, sections.map(withoutNul)],
    );
  }

  async writeLayers(
    seq: number,
    layers: Partial<Record<LayerName, Span[]>>,
    doc: { text: string; published?: string },
    versions: Doc['versions'] = {},
  ): Promise<void> {
    for (const [layer, spans] of Object.entries(layers) as [LayerName, Span[]][]) {
      const [stage, version] = (versions?.[layer] ?? `${spans[0]?.by.stage ?? ''}@${spans[0]?.by.version ?? 0}`).split(
        '@',
      );
      await this.db.query(
        `INSERT INTO layers (doc_seq, layer, stage, version, span_count, spans) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (doc_seq, layer) DO UPDATE SET stage = excluded.stage, version = excluded.version,
           span_count = excluded.span_count, spans = excluded.spans`,
        [seq, layer, stage ?? '', Number(version ?? 0), spans.length, JSON.stringify(spans)],
      );
      await indexSpans(this.db, seq, layer, spans, doc);
    }
    for (const [output, stamp] of Object.entries(versions ?? {})) {
      if (!isMetaOutput(output) || !stamp) continue;
      const at = stamp.lastIndexOf('@');
      await this.db.query(
        `INSERT INTO meta_versions (doc_seq, field, stage, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_seq, field) DO UPDATE SET stage = excluded.stage, version = excluded.version`,
        [seq, output, stamp.slice(0, at), Number(stamp.slice(at + 1))],
      );
    }
  }

  async setPendingLink(rebuild: boolean): Promise<void> {
    // A later plain ingest must not downgrade a rebuild asked for by reprocessing.
    await this.db.query(
      `INSERT INTO pending_link (id, rebuild, since) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET rebuild = pending_link.rebuild OR excluded.rebuild`,
      [rebuild, new Date().toISOString()],
    );
  }

  async bumpGeneration(name: string): Promise<void> {
    await this.db.query(
      `INSERT INTO generations (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = generations.value + 1`,
      [name],
    );
  }

  /** A document's ordering day in its story follows its date (inherited and story dates, reprocessing). */
  async refreshDay(seq: number): Promise<void> {
    await this.db.query(
      `UPDATE doc_links SET day = (SELECT ${ORDERING_DAY} FROM documents d WHERE d.seq = doc_links.doc_seq)
       WHERE doc_seq = $1`,
      [seq],
    );
  }

  /** Rewrites a stored document (reprocessing): its facts, sections, layers and spans go, linking must start afresh. */
  async replace(seq: number, doc: Doc): Promise<void> {
    await this.db.write(async () => {
      await this.db.query('DELETE FROM doc_facts WHERE doc_seq = $1', [seq]);
      const { columns, text, search } = contentColumns(doc);
      const names = Object.keys(columns);
      await this.db.query(
        `UPDATE documents SET ${names.map((name, index) => `${name} = $${index + 1}${CASTS[name] ?? ''}`).join(', ')}
         WHERE seq = $${names.length + 1}`,
        [...Object.values(columns), seq],
      );
      await this.addSearchWords(search.words);
      await this.db.query('DELETE FROM document_sections WHERE doc_seq = $1', [seq]);
      await this.insertSections(seq, doc.meta.sections);
      await this.db.query('DELETE FROM layers WHERE doc_seq = $1', [seq]);
      await this.db.query('DELETE FROM span_index WHERE doc_seq = $1', [seq]);
      await this.db.query('DELETE FROM meta_versions WHERE doc_seq = $1', [seq]);
      await this.refreshDay(seq);
      await this.bumpGeneration('documents');
      await this.setPendingLink(true);
      await this.writeLayers(seq, doc.layers, { text, published: statedDate(doc.meta.published) }, doc.versions);
    });
  }
}
