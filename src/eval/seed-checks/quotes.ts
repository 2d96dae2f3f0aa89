import { type Span, toRawOffset } from '../../model/index.js';
import type { SeedCheck, SeedOutcome } from '../contract.js';

/**
 * Every quote and indirect quote of gold.json with its exact raw span, kind and resolved speaker,
 * and every scare quote marked `scare` with no speaker.
 */
export const quotesSeedCheck: SeedCheck = {
  component: 'quotes',
  check: ({ pairs }) =>
    pairs.flatMap(({ gold, doc }): SeedOutcome[] => {
      const spans = doc.layers.quotes ?? [];
      const raw = (span: Span) => ({
        start: toRawOffset(doc.origin, span.start),
        end: toRawOffset(doc.origin, span.end),
      });
      const quotes = [...gold.quotes, ...gold.indirect_quotes].map((quote): SeedOutcome => {
        const found = spans.find((span) => {
          const offsets = raw(span);
          return offsets.start === quote.start && offsets.end === quote.end && span.label !== 'scare';
        });
        const expected = { text: quote.text, kind: quote.kind, speaker: quote.speaker };
        const actual = found
          ? {
              text: doc.text.slice(found.start, found.end),
              kind: found.label,
              speaker: found.attrs?.speakerName ?? null,
            }
          : null;
        return {
          file: gold.file,
          field: `${quote.kind}@${quote.start}-${quote.end}`,
          expected,
          actual,
          pass:
            !!actual &&
            actual.text === expected.text &&
            actual.kind === expected.kind &&
            actual.speaker === expected.speaker,
        };
      });
      const scares = gold.scare_quotes.map((words): SeedOutcome => {
        const same = spans.filter((span) => doc.text.slice(span.start, span.end) === words);
        const actual = same.map((span) => ({ kind: span.label, speaker: span.attrs?.speakerName ?? null }));
        return {
          file: gold.file,
          field: `scare@${words}`,
          expected: 'every occurrence labelled scare, with no speaker',
          actual,
          pass: same.length > 0 && actual.every((item) => item.kind === 'scare' && item.speaker === null),
        };
      });
      return [...quotes, ...scares];
    }),
};
