/** `lede eval quotes`: lede's quotes and the naive baseline against PolNeAR, per category. */
import { type Doc, emptyMeta, identityMap, type Span } from '../../model/index.js';
import { createDefaultPipeline } from '../../pipeline/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { naiveQuotes } from './baseline.js';
import { POLNEAR_DIR, type PolnearDoc, readPolnear } from './polnear.js';
import {
  CATEGORIES,
  type CategoryTally,
  emptyTally,
  type ScoredQuote,
  stripMarks,
  summarise,
  tallyDocument,
  typeOf,
} from './score-quotes.js';

export function goldQuotes(doc: PolnearDoc): ScoredQuote[] {
  return doc.quotes.map((quote) => ({
    ...stripMarks(doc.text, quote.quote_start, quote.quote_end),
    type: quote.type,
    speaker:
      quote.speaker_start === null || quote.speaker_end === null
        ? null
        : { start: quote.speaker_start, end: quote.speaker_end },
  }));
}

/**
 * lede's quotes in PolNeAR's terms: no scare quotes and no quote with neither speaker nor cue, partial
 * quotes inside reported speech fold into it,
 * and each quote is typed from the text by the same rule as the gold records.
 */
export function predictedQuotes(text: string, spans: readonly Span[]): ScoredQuote[] {
  const reported = spans.filter((span) => span.label === 'indirect');
  return (
    spans
      .filter((span) => span.label !== 'scare')
      // An attribution in PolNeAR's sense has a source or a cue; a quote with neither attributes nothing.
      .filter((span) => span.attrs?.speakerStart != null || span.attrs?.cueStart != null)
      .filter(
        (span) =>
          span.label !== 'partial' || !reported.some((other) => other.start <= span.start && other.end >= span.end),
      )
      .map((span) => {
        const speakerStart = span.attrs?.speakerStart;
        const speakerEnd = span.attrs?.speakerEnd;
        return {
          ...stripMarks(text, span.start, span.end),
          type: typeOf(text, span.start, span.end),
          speaker:
            typeof speakerStart === 'number' && typeof speakerEnd === 'number'
              ? { start: speakerStart, end: speakerEnd }
              : null,
        };
      })
  );
}

export function polnearDoc(doc: PolnearDoc): Doc {
  return {
    id: doc.id,
    externalId: doc.id,
    source: { uri: doc.id, mediaType: 'text/plain' },
    raw: doc.text,
    text: doc.text,
    origin: identityMap(doc.text.length),
    meta: { ...emptyMeta(), headline: doc.meta.title },
    layers: {},
    messages: [],
  };
}

export const quotesEvaluation: Evaluation = {
  description: 'quotes against PolNeAR (../shared/data/quotes/polnear): span F1, speaker accuracy, attributed F1',
  async run(options: EvalOptions) {
    const split = options.split ?? 'dev';
    const docs = readPolnear(split, options.data ?? POLNEAR_DIR).slice(0, options.limit ?? Number.POSITIVE_INFINITY);
    const pipeline = await createDefaultPipeline();
    const systems = { lede: CATEGORIES.map(emptyTally), baseline: CATEGORIES.map(emptyTally) };
    for (const doc of docs) {
      const gold = goldQuotes(doc);
      const annotated = pipeline.run(polnearDoc(doc), new Set(['quotes']));
      const outputs = {
        lede: predictedQuotes(doc.text, annotated.layers.quotes ?? []),
        baseline: naiveQuotes(doc.text)
          .filter((quote) => quote.speaker !== null)
          .map((quote) => ({ ...quote, type: typeOf(doc.text, quote.start, quote.end) })),
      };
      for (const [system, predicted] of Object.entries(outputs) as [keyof typeof systems, ScoredQuote[]][]) {
        CATEGORIES.forEach((category, index) => {
          const inCategory = (quote: ScoredQuote) => category.types.includes(quote.type);
          tallyDocument(systems[system][index] as CategoryTally, gold.filter(inCategory), predicted.filter(inCategory));
        });
      }
    }
    const rows = (Object.keys(systems) as (keyof typeof systems)[]).flatMap((system) =>
      CATEGORIES.map((category, index) => ({
        system,
        category: category.name,
        ...summarise(systems[system][index] as CategoryTally),
      })),
    );
    const f = (value: number) => value.toFixed(4);
    const lines = [
      `Quotes on PolNeAR ${split} (${docs.length} docs). Spans compared without quotation marks; speaker right = mentions overlap.`,
      'system    category       span-F1 exact  span-F1 overlap  speaker-acc  attributed-F1 exact  attributed-F1 overlap   (P/R of attributed overlap)',
      ...rows.map((row) =>
        [
          row.system.padEnd(9),
          row.category.padEnd(14),
          f(row.exact.f1).padStart(13),
          f(row.overlap.f1).padStart(16),
          f(row.speakerAccuracy).padStart(12),
          f(row.attributedExact.f1).padStart(20),
          f(row.attributedOverlap.f1).padStart(22),
          `   (${f(row.attributedOverlap.precision)}/${f(row.attributedOverlap.recall)})`,
        ].join(' '),
      ),
    ];
    return { text: lines.join('\n'), json: { split, docs: docs.length, rows } };
  },
};
