import { type StatementSource, statementSources } from '../link/index.js';
import type { CorpusIndex, DocumentReader, QuotePage, QuoteQuery, SpanRecord, StoredDoc } from '../store/index.js';

/** Quotes across the corpus from the span index, filtered by speaker, entity, outlet and date. */
export function queryQuotes(store: CorpusIndex, query: QuoteQuery): Promise<QuotePage> {
  return store.listQuotes(query);
}

/**
 * The page's quotes with what their documents say of them (speaker mention, cue, date spoken,
 * sentence); each document is read once however many of its quotes the page holds.
 */
export async function quoteSources(
  store: DocumentReader,
  quotes: readonly SpanRecord[],
  names?: ReadonlyMap<string, string>,
): Promise<StatementSource[]> {
  const docs = new Map<string, StoredDoc | undefined>();
  for (const record of quotes) {
    if (!docs.has(record.doc.id)) docs.set(record.doc.id, await store.getDocument(record.doc.id));
  }
  return quotes.map((record) => {
    const doc = docs.get(record.doc.id);
    const source = doc ? statementSources(doc).find((other) => other.spanId === record.spanId) : undefined;
    // The speaker by the corpus name the page shows (`Varnholt` in one article is `Ilsa Varnholt`).
    const found =
      source?.speakerName && names?.has(source.speakerName)
        ? { ...source, speakerName: names.get(source.speakerName) }
        : source;
    // Scare quotes are not statements; show them with what the index knows.
    return (
      found ?? {
        docId: record.doc.id,
        name: record.doc.id.slice(0, 12),
        headline: record.doc.headline,
        outlet: record.doc.outlet,
        published: record.doc.published,
        spanId: record.spanId,
        start: record.start,
        end: record.end,
        kind: record.label,
        text: record.text,
        speakerName: record.key,
        sentence: record.text,
      }
    );
  });
}
