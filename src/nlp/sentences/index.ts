/**
 * nlp/sentences: adds `paragraphs` and `sentences` over the clean text. Requires nothing.
 * Rule-based (abbreviations, initials, closing quotes); it does not split inside a paragraph at a
 * colon or semicolon.
 */

import { type Doc, makeSpan, type Stage } from '../../model/index.js';
import { splitParagraphs, splitSentences } from './split.js';

export type { Range } from './split.js';
export { cutLongSentence, MAX_SENTENCE_CHARS, splitParagraphs, splitSentences } from './split.js';

export function createSentencesStage(): Stage<never, 'paragraphs' | 'sentences'> {
  const by = { stage: 'nlp/sentences', version: 1 };
  return {
    name: 'nlp/sentences',
    version: 1,
    requires: [],
    produces: ['paragraphs', 'sentences'],
    run: (doc: Readonly<Doc>) => {
      const paragraphs = splitParagraphs(doc.text);
      return {
        paragraphs: paragraphs.map((range) => makeSpan('paragraphs', range.start, range.end, 'P', by)),
        sentences: paragraphs
          .flatMap((paragraph) => splitSentences(doc.text, paragraph))
          .map((range) => makeSpan('sentences', range.start, range.end, 'S', by)),
      };
    },
  };
}
