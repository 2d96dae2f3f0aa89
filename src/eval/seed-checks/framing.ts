import type { Doc } from '../../model/index.js';
import type { SeedCheck, SeedOutcome } from '../contract.js';

/**
 * The loaded phrases the framing issue names must each overlap a `loaded` span wherever they occur,
 * and plain reporting sentences of the samples must carry none. gold.json has no loaded layer, so
 * these expectations are the issue's own (issue 8), written here once.
 */
export const LOADED_PHRASES = [
  'martyred',
  'dastardly attack',
  'occupying forces',
  'Takfiri terrorists',
  'cowardly, treacherous assassination',
];

export const NEUTRAL_SENTENCES = [
  'Talks between the US and Iraq began in June 2020 under the Trump administration.',
  'It is estimated that there are currently 2,500 American troops in Iraq.',
  'Iraqi lawmakers, last year, approved a bill requiring the Baghdad government to end the presence of all foreign military forces in the Arab country.',
];

/** Offsets of every occurrence of `phrase` in the clean text, any run of spaces matching any other. */
export function findPhrase(text: string, phrase: string): { start: number; end: number }[] {
  const pattern = new RegExp(phrase.split(/\s+/).map(escapeRegExp).join('\\s+'), 'gi');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlapping(doc: Doc, range: { start: number; end: number }): string[] {
  return (doc.layers.loaded ?? [])
    .filter((span) => span.start < range.end && range.start < span.end)
    .map((span) => `${doc.text.slice(span.start, span.end)} [${span.label}]`);
}

export const framingSeedCheck: SeedCheck = {
  component: 'framing',
  check: ({ pairs }) =>
    pairs.flatMap(({ gold, doc }): SeedOutcome[] => {
      const outcomes: SeedOutcome[] = [];
      for (const phrase of LOADED_PHRASES) {
        for (const range of findPhrase(doc.text, phrase)) {
          const actual = overlapping(doc, range);
          outcomes.push({
            file: gold.file,
            field: `found:${phrase}@${range.start}`,
            expected: 'flagged',
            actual,
            pass: actual.length > 0,
          });
        }
      }
      for (const sentence of NEUTRAL_SENTENCES) {
        for (const range of findPhrase(doc.text, sentence)) {
          const actual = overlapping(doc, range);
          outcomes.push({
            file: gold.file,
            field: `neutral:${sentence.slice(0, 30)}`,
            expected: [],
            actual,
            pass: actual.length === 0,
          });
        }
      }
      return outcomes;
    }),
};
