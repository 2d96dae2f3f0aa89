/**
 * `lede train quotes`: learns which verb forms act as attribution cues from PolNeAR train. For each
 * word form where a finite verb can stand (canBeFiniteVerb, the test cueAt applies) it counts how
 * often it occurs and how often it sits inside an annotated cue span; forms that are cues in at
 * least `minPrecision` of `minCount`+ occurrences are written to models/quote-cues.json, which the
 * quotes stage adds to the hand lexicon in data/quote-cues.json. Only verb shapes are kept
 * (-ed, -ing, -s and a few base forms), so adverbs and nouns that sit inside cue spans stay out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Trainer, TrainOptions } from '../../eval/contract.js';
import { POLNEAR_DIR, readPolnear } from '../../eval/quotes/polnear.js';
import { canBeFiniteVerb, DEFAULT_LEARNED_CUES_PATH, tokenize } from '../../nlp/quotes/index.js';

export const LEARNED_CUES_PATH = DEFAULT_LEARNED_CUES_PATH;
const MIN_COUNT = 5;
const MIN_PRECISION = 0.4;
const CLOSED_CLASS = new Set([
  'according',
  'to',
  'that',
  'of',
  'in',
  'on',
  'for',
  'as',
  'by',
  'at',
  'with',
  'about',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'be',
  'been',
  'not',
  'also',
  'it',
  'out',
  'up',
]);

export interface LearnedCues {
  about: string;
  data: string;
  minCount: number;
  minPrecision: number;
  forms: Record<string, { cue: number; total: number }>;
}

export function learnCues(dir: string = POLNEAR_DIR, minCount = MIN_COUNT, minPrecision = MIN_PRECISION): LearnedCues {
  const counts = new Map<string, { cue: number; total: number }>();
  for (const doc of readPolnear('train', dir)) {
    const cueSpans = doc.quotes.flatMap((quote) =>
      quote.cue_start === null || quote.cue_end === null ? [] : [[quote.cue_start, quote.cue_end] as const],
    );
    const tokens = tokenize(doc.text);
    tokens.forEach((token, k) => {
      if (!token.word || CLOSED_CLASS.has(token.lower) || !canBeFiniteVerb(tokens, k)) return;
      const tally = counts.get(token.lower) ?? { cue: 0, total: 0 };
      tally.total++;
      if (cueSpans.some(([start, end]) => token.start >= start && token.end <= end)) tally.cue++;
      counts.set(token.lower, tally);
    });
  }
  const forms: LearnedCues['forms'] = {};
  for (const [form, tally] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (tally.cue >= minCount && tally.cue / tally.total >= minPrecision && looksLikeVerb(form)) forms[form] = tally;
  }
  return {
    about:
      'Verb forms that are attribution cues in PolNeAR train (cue = occurrences inside a cue span, total = all occurrences). Made by `lede train quotes`.',
    data: 'quotes/polnear/train.jsonl.gz',
    minCount,
    minPrecision,
    forms,
  };
}

/** Inflected verb shapes only: adverbs (`publicly`) and nouns (`criticism`) inside cue spans are not cues. */
function looksLikeVerb(form: string): boolean {
  if (form.endsWith('ly') || form.endsWith('ss') || form.endsWith('ism') || form.endsWith('tion')) return false;
  return (
    /(?:ed|ing|s)$/.test(form) ||
    ['say', 'tell', 'argue', 'suggest', 'insist', 'acknowledge', 'oppose', 'prefer', 'warn', 'add'].includes(form)
  );
}

export const quotesTrainer: Trainer = {
  description: 'cue verb forms learned from PolNeAR train, written to models/quote-cues.json',
  async run(options: TrainOptions, log) {
    const learned = learnCues(options.data ?? POLNEAR_DIR);
    const out = options.out ?? LEARNED_CUES_PATH;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(learned, null, 1)}\n`);
    log(
      `${Object.keys(learned.forms).length} cue forms with at least ${learned.minCount} cue uses and precision ${learned.minPrecision}`,
    );
    return { out };
  },
};
