import type { Doc } from '../model/index.js';
import { loadFramingFigures, summariseArticle } from '../nlp/loaded/index.js';
import { summariseCorpusFraming } from '../pipeline/index.js';
import type {
  CorpusIndex,
  DocFilter,
  DocumentReader,
  FramingExampleQuery,
  SpanRecord,
  Store,
  StoredDoc,
} from '../store/index.js';

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

/** A sentence longer than this is shown as a window around the span. */
const MAX_SENTENCE = 400;
const WINDOW = 160;

/**
 * A page of loaded-language examples, each in its sentence: the examples behind the rates of the
 * framing report, so a reader can judge what the model counted. Each document is read once per page.
 */
export function framingExamples(store: CorpusIndex & DocumentReader, query: FramingExampleQuery) {
  const page = store.listFramingExamples(query);
  const docs = new Map<string, StoredDoc | undefined>();
  const examples = page.examples.map((record): FramingExample => {
    if (!docs.has(record.doc.id)) docs.set(record.doc.id, store.getDocument(record.doc.id));
    const doc = docs.get(record.doc.id);
    if (!doc) return { ...record, sentence: record.text, sentenceStart: record.start };
    const span = doc.layers.loaded?.find((candidate) => candidate.id === record.spanId);
    const { start, end } = sentenceAround(doc, record.start, record.end);
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

/** The sentence holding [start, end), or a window around it when there is none or it runs long. */
export function sentenceAround(
  doc: Pick<Doc, 'text' | 'layers'>,
  start: number,
  end: number,
): { start: number; end: number } {
  const sentence = doc.layers.sentences?.find((candidate) => candidate.start <= start && candidate.end >= end);
  if (sentence && sentence.end - sentence.start <= MAX_SENTENCE) return { start: sentence.start, end: sentence.end };
  const from = Math.max(sentence?.start ?? 0, start - WINDOW);
  const to = Math.min(sentence?.end ?? doc.text.length, end + WINDOW);
  // Start and end the window at word boundaries.
  const opening = from === (sentence?.start ?? 0) ? from : doc.text.indexOf(' ', from) + 1 || from;
  const closing = to === (sentence?.end ?? doc.text.length) ? to : doc.text.lastIndexOf(' ', to);
  return { start: Math.min(opening, start), end: Math.max(closing, end) };
}
