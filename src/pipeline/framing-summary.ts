/**
 * Technique rates per 1,000 words across the stored corpus, by outlet (and month), with the shipped
 * model's cross-validated precision beside them: a rate is only as good as the highlights it counts.
 */
import {
  type FramedArticle,
  loadFramingFigures,
  type OutletFraming,
  summariseArticle,
  summariseOutlets,
} from '../nlp/loaded/index.js';
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
  // Outlet and date from the summaries, spans from the one layer: parsing whole documents (every
  // layer) took about 0.7 ms each, most of this report's time.
  const summaries = store.listDocuments({ ...filter, limit: Number.MAX_SAFE_INTEGER });
  const meta = new Map(summaries.map((summary) => [summary.id, summary]));
  const articles: FramedArticle[] = [];
  for (const { id, text, spans } of store.iterateLayer('loaded')) {
    const summary = meta.get(id);
    if (!summary) continue;
    articles.push({ outlet: summary.outlet, published: summary.published, framing: summariseArticle(text, spans) });
  }
  return {
    model: loadFramingFigures(),
    documents: summaries.length,
    withoutLayer: summaries.length - articles.length,
    outlets: summariseOutlets(articles, byMonth),
  };
}
