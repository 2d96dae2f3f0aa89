import { type CleanOptions, cleanRecord, normaliseLine, splitLines } from '../clean/index.js';
import type { RawRecord } from '../ingest/index.js';
import type { Doc, LayerName } from '../model/index.js';
import { createTimexFinder, estimatePublished } from '../nlp/index.js';
import { findHeadlineQuote, loadCues } from '../nlp/quotes/index.js';
import type { Pipeline } from './run.js';

/**
 * Cleans and analyses one record; lines learnt as the outlet's boilerplate are dropped on a second
 * pass. A document that states no date gets one estimated from its contents, marked as estimated;
 * quotes in the headline are read into `meta.headlineQuotes`.
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
  if (known && known.size > 0 && !record.mediaType.includes('html')) {
    const kept = splitLines(doc.raw).some(
      (line) => known.has(normaliseLine(line.text)) && !doc.meta.boilerplate.includes(line.text),
    );
    if (kept) doc = cleanRecord(record, { ...cleanOptions, knownBoilerplate: known });
  }
  const analysed = pipeline.run(doc, layers);
  if (analysed.meta.headline && (!layers || layers.has('quotes'))) {
    cues ??= loadCues();
    const headlineQuotes = findHeadlineQuote(analysed.meta.headline, cues);
    if (headlineQuotes.length > 0) analysed.meta = { ...analysed.meta, headlineQuotes };
  }
  if (!analysed.meta.published && analysed.text) {
    finder ??= createTimexFinder();
    const estimate = estimatePublished(analysed.text, finder);
    if (estimate) analysed.meta = { ...analysed.meta, published: estimate };
  }
  return analysed;
}

/** One timex finder and cue lexicon per thread, built on first use. */
let finder: ReturnType<typeof createTimexFinder> | undefined;
let cues: ReturnType<typeof loadCues> | undefined;
