/**
 * nlp/figures: adds `figures` (label FIGURE; attrs.value the number, attrs.unit what it counts,
 * attrs.approximate the hedge or vague quantity when there is one). Requires `sentences` and `timexes`:
 * numbers inside a DATE or TIME timex (years, days of the month, clock times) are not figures, while
 * durations (`two days`) are.
 * Rule-based: the counted phrase runs to the first function word (data/figures/lexicon.json), so
 * `400 cultural and social events have been scheduled` gives `cultural and social events`; it can
 * run on into a following noun (`2,500 US troops Iraq`) when punctuation is missing. Vague quantities
 * (`dozens of`) get a typical value and are marked approximate.
 * Measured only on the seed figures (`lede eval seeds`, component time): no figure dataset in ../shared/data.
 */

import { type Doc, makeSpan, type Stage } from '../../model/index.js';
import { createFigureFinder, type FigureFinder } from './find-figures.js';

export type { FigureFinder, FigureFinding, FiguresLexicon } from './find-figures.js';
export { createFigureFinder, loadFiguresLexicon } from './find-figures.js';

export function createFiguresStage(
  finder: FigureFinder = createFigureFinder(),
): Stage<'sentences' | 'timexes', 'figures'> {
  const by = { stage: 'nlp/figures', version: 1 };
  return {
    name: 'nlp/figures',
    version: 1,
    requires: ['sentences', 'timexes'],
    produces: ['figures'],
    run: (doc: Readonly<Doc>) => {
      const dates = (doc.layers.timexes ?? []).filter((span) => span.label === 'DATE' || span.label === 'TIME');
      return {
        figures: finder.find(doc.text, dates).map((figure) =>
          makeSpan('figures', figure.start, figure.end, 'FIGURE', by, {
            value: figure.value,
            unit: figure.unit,
            ...(figure.approximate ? { approximate: figure.approximate } : {}),
          }),
        ),
      };
    },
  };
}
