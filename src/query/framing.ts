import type { Doc } from '../model/index.js';
import { loadFramingFigures, summariseArticle } from '../nlp/loaded/index.js';
import { summariseCorpusFraming } from '../pipeline/index.js';
import type { DocFilter, Store } from '../store/index.js';

/** Technique rates per 1,000 words by outlet (and month), pooled over articles, with the model precision. */
export function framingReport(store: Store, filter: DocFilter, byMonth: boolean) {
  return summariseCorpusFraming(store, filter, byMonth);
}

/** One document's loaded language and techniques, with the model precision to read them by. */
export function documentFraming(doc: Doc) {
  return { ...summariseArticle(doc.text, doc.layers.loaded ?? []), model: loadFramingFigures() };
}
