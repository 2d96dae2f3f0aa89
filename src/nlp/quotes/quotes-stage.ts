import type { Stage } from '../../model/index.js';
import { englishOnly } from '../language/index.js';
import { type CueLexicon, loadCues } from './cues.js';
import { findQuotes, QUOTES_STAGE } from './find-quotes.js';

export interface QuotesOptions {
  /** A lexicon already loaded, or the path of one (default data/quote-cues.json). */
  cues?: CueLexicon | string;
}

/** Quotes and speakers by English cue verbs; other languages are skipped with a message. */
export function createQuotesStage(
  options: QuotesOptions = {},
): Stage<'sentences' | 'entities' | 'meta.language', 'quotes'> {
  const cues = typeof options.cues === 'object' ? options.cues : loadCues(options.cues);
  return englishOnly({
    name: QUOTES_STAGE.stage,
    version: QUOTES_STAGE.version,
    requires: ['sentences', 'entities'],
    produces: ['quotes'],
    run: (doc) => ({ quotes: findQuotes(doc, cues) }),
  });
}
