import { sentenceWindow } from '../link/index.js';
import type { Doc } from '../model/index.js';
import { loadFramingFigures, summariseArticle } from '../nlp/loaded/index.js';
import { summariseCorpusFraming } from '../pipeline/index.js';
import type { CorpusIndex, DocFilter, DocumentReader, FramingExampleQuery, SpanRecord, Store } from '../store/index.js';

/** Technique rates per 1,000 words by outlet (and month), pooled over articles, with the model precision. */
export function framingReport(store: Store, filter: DocFilter, byMonth: boolean) {
  return summariseCorpusFraming(store, filter, byMonth);
}

/** Reads the framing model's measured figures now, so that the first report does not wait for them. */
export function prepareFraming(): void {
  loadFramingFigures();
}

/** One document's loaded language and techniques, with the model precision to read them by. */
export function documentFraming(doc: Doc) {
  return { ...summariseArticle(doc.text, doc.layers.loaded ?? []), model: loadFramingFigures() };
}

/** A loaded-language span with the sentence it sits in and the model's reason for it. */
export interface FramingExample extends SpanRecord {
  sentence: string;
  /** Where `sentence` starts in the document's text, so the span can be marked inside it. */
  sentenceStart: number;
  explanation?: string;
  score?: number;
}

/**
 * A page of loaded-language examples, each in its sentence: the examples behind the rates of the
 * framing report, so a reader can judge what the model counted. The page's documents are read
 * once, their text and the two layers it needs only.
 */
export async function framingExamples(store: CorpusIndex & DocumentReader, query: FramingExampleQuery) {
  const page = await store.listFramingExamples(query);
  const docs = new Map(
    (await store.textsOf([...new Set(page.examples.map((record) => record.doc.id))], ['sentences', 'loaded'])).map(
      (doc) => [doc.id, doc],
    ),
  );
  const examples = page.examples.map((record): FramingExample => {
    const doc = docs.get(record.doc.id);
    if (!doc) return { ...record, sentence: record.text, sentenceStart: record.start };
    const span = doc.layers.loaded?.find((candidate) => candidate.id === record.spanId);
    const { start, end } = sentenceWindow(doc.layers.sentences ?? [], record);
    const explanation = span?.attrs?.explanation;
    const score = span?.attrs?.score;
    return {
      ...record,
      sentence: doc.text.slice(start, end),
      sentenceStart: start,
      explanation: typeof explanation === 'string' ? explanation : undefined,
      score: typeof score === 'number' ? score : undefined,
    };
  });
  return { total: page.total, techniques: page.techniques, examples };
}
