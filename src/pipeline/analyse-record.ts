import { type CleanOptions, cleanRecord, keepsLearntBoilerplate } from '../clean/index.js';
import type { RawRecord } from '../ingest/index.js';
import type { Doc, LayerName, StageOutput } from '../model/index.js';
import type { Pipeline } from './run.js';

/**
 * Cleans and analyses one record; lines learnt as the outlet's boilerplate are dropped on a second
 * pass. With `layers`, only those layers and what they need are computed, plus the date estimate
 * and the language (every document's, as search filters by both) and, with quotes, the headline's quotes.
 */
export function analyseRecord(
  record: RawRecord,
  pipeline: Pipeline,
  layers?: ReadonlySet<LayerName>,
  learntFor?: (outlet: string) => ReadonlySet<string> | undefined,
  cleanOptions: CleanOptions = {},
): Doc {
  let doc = cleanRecord(record, cleanOptions);
  const known = learntFor?.(doc.meta.outlet ?? '');
  if (keepsLearntBoilerplate({ raw: doc.raw, mediaType: record.mediaType, dropped: doc.meta.boilerplate }, known)) {
    doc = cleanRecord(record, { ...cleanOptions, knownBoilerplate: known });
  }
  return pipeline.run(doc, layers && wantedOutputs(layers));
}

function wantedOutputs(layers: ReadonlySet<LayerName>): Set<StageOutput> {
  const wanted = new Set<StageOutput>(layers);
  wanted.add('meta.published');
  wanted.add('meta.language');
  if (layers.has('quotes')) wanted.add('meta.headlineQuotes');
  return wanted;
}
