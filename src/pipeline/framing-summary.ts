/**
 * Technique rates per 1,000 words across the stored corpus, by outlet (and month), with the shipped
 * model's cross-validated precision beside them: a rate is only as good as the highlights it counts.
 */
import { loadFramingModel, type OutletFraming, summariseArticle, summariseOutlets } from '../nlp/loaded/index.js';
import type { DocFilter, Store } from '../store/index.js';

export interface FramingReport {
  /** The shipped model's cross-validated figures at its thresholds (precision of the highlights first). */
  model: Record<string, number>;
  /** Documents read, and those among them with no `loaded` layer (ingested without it), left out. */
  documents: number;
  withoutLayer: number;
  outlets: OutletFraming[];
}

export function summariseCorpusFraming(store: Store, filter: DocFilter = {}, byMonth = false): FramingReport {
  const articles: Parameters<typeof summariseOutlets>[0][number][] = [];
  let documents = 0;
  let withoutLayer = 0;
  for (const doc of store.iterateDocuments(filter)) {
    documents++;
    const loaded = doc.layers.loaded;
    if (!loaded) {
      withoutLayer++;
      continue;
    }
    articles.push({
      outlet: doc.meta.outlet,
      published: doc.meta.published?.value,
      framing: summariseArticle(doc.text, loaded),
    });
  }
  return {
    model: loadFramingModel().measured ?? {},
    documents,
    withoutLayer,
    outlets: summariseOutlets(articles, byMonth),
  };
}
