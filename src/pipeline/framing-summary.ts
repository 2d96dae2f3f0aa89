/**
 * Technique rates per 1,000 words across the stored corpus, by outlet (and month), with the shipped
 * model's cross-validated precision beside them: a rate is only as good as the highlights it counts.
 */
import { loadFramingFigures, type OutletFraming, rateOutlets } from '../nlp/loaded/index.js';
import type { CorpusIndex, DocFilter } from '../store/index.js';

export interface FramingReport {
  /** The shipped model's cross-validated figures at its thresholds (precision of the highlights first). */
  model: Record<string, number>;
  /** Documents read, and those among them with no `loaded` layer (ingested without it), left out. */
  documents: number;
  withoutLayer: number;
  outlets: OutletFraming[];
}

/**
 * Summed by the store from each document's stored word count and the span index, so the report
 * costs the same whatever the size of the texts (reading every loaded layer took seconds at
 * 100,000 articles). By month, a document is placed by its stated date only.
 */
export async function summariseCorpusFraming(
  store: CorpusIndex,
  filter: DocFilter = {},
  byMonth = false,
): Promise<FramingReport> {
  const counted = await store.countFraming(filter, byMonth);
  return {
    model: loadFramingFigures(),
    documents: counted.documents,
    withoutLayer: counted.withoutLayer,
    outlets: rateOutlets(counted.groups),
  };
}
