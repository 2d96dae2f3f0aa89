/**
 * Quotes in headlines. The headline lives in doc.meta.headline, not in doc.text, so its quotes
 * cannot be spans of the `quotes` layer; they are returned with offsets into the headline string.
 * Two shapes: `CLAIM: Speaker` (`US an enemy, no place for Americans in Iraq: Harakat al-Nujaba`,
 * the whole claim attributed) and words in quotation marks (`Denounces US Official’s ‘Outrageous’
 * Request`, partial; `..., Asa’ib leader warns` is reported speech with a cue at the end).
 */
import type { QuoteKind, Stage } from '../../model/index.js';
import { englishOnly } from '../language/index.js';
import { type CueLexicon, loadCues } from './cues.js';
import { findQuotedRegions } from './marks.js';

export interface HeadlineQuote {
  /** Offsets into the headline string. */
  start: number;
  end: number;
  kind: QuoteKind;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerText: string | null;
  cueLemma: string | null;
}

const SPEAKER_AFTER_COLON =
  /:\s+((?:\p{Lu}[\p{L}’'.-]*|al-\p{Lu}[\p{L}’'-]*|of|the)(?:\s+(?:\p{Lu}[\p{L}’'.-]*|al-\p{Lu}[\p{L}’'-]*|of|the)){0,5})\s*$/u;

export function findHeadlineQuote(headline: string, cues: CueLexicon): HeadlineQuote[] {
  const quotes: HeadlineQuote[] = [];
  const colon = SPEAKER_AFTER_COLON.exec(headline);
  if (colon) {
    const speakerStart = colon.index + colon[0].indexOf(colon[1] as string);
    const claimEnd = colon.index;
    quotes.push({
      start: 0,
      end: claimEnd,
      kind: 'direct',
      speakerStart,
      speakerEnd: speakerStart + (colon[1] as string).length,
      speakerText: colon[1] as string,
      cueLemma: null,
    });
    return quotes;
  }
  const cueAtEnd = /,\s+([^,]{2,60}?)\s+(\p{L}+)\s*$/u.exec(headline);
  const lemma = cueAtEnd ? cues.speech.get((cueAtEnd[2] as string).toLowerCase()) : undefined;
  if (cueAtEnd && lemma) {
    const speakerStart = cueAtEnd.index + cueAtEnd[0].indexOf(cueAtEnd[1] as string);
    quotes.push({
      start: 0,
      end: cueAtEnd.index,
      kind: 'indirect',
      speakerStart,
      speakerEnd: speakerStart + (cueAtEnd[1] as string).length,
      speakerText: cueAtEnd[1] as string,
      cueLemma: lemma,
    });
  }
  for (const region of findQuotedRegions(headline)) {
    quotes.push({
      start: region.start,
      end: region.end,
      kind: 'partial',
      speakerStart: null,
      speakerEnd: null,
      speakerText: null,
      cueLemma: null,
    });
  }
  return quotes;
}

/**
 * Headline quotes as a stage: its output is `meta.headlineQuotes` (absent when the headline quotes
 * no one). The cue lexicon loads on first use, once per stage.
 */
export function createHeadlineQuotesStage(cuesPath?: string): Stage<'meta.language', 'meta.headlineQuotes'> {
  let cues: CueLexicon | undefined;
  return englishOnly({
    name: 'nlp/headline-quotes',
    version: 1,
    requires: [],
    produces: ['meta.headlineQuotes'],
    run: (doc) => {
      if (!doc.meta.headline) return {};
      cues ??= loadCues(cuesPath);
      const headlineQuotes = findHeadlineQuote(doc.meta.headline, cues);
      return headlineQuotes.length > 0 ? { meta: { headlineQuotes } } : {};
    },
  });
}
