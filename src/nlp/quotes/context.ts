/** What every quote finder works from: the text, its sentences and paragraphs, and the lexicon. */
import type { QuoteKind } from '../../model/index.js';
import type { CueLexicon } from './cues.js';
import type { Mention } from './speaker.js';

export interface Range {
  start: number;
  end: number;
}

export interface Cue extends Range {
  lemma: string;
}

/** One quote before its speaker is resolved to a name. */
export interface Finding extends Range {
  kind: QuoteKind;
  rule: string;
  speaker?: Mention;
  cue?: Cue;
  /** Index of the finding whose speaker this one shares (split and continued quotes). */
  sharesSpeakerWith?: number;
  /** Quotation-mark offsets of a direct or partial quote. */
  open?: number;
  close?: number;
  /** True when no closing mark ended the quote (its paragraph ended, or the next one reopened it). */
  unclosed?: boolean;
}

export interface QuoteContext {
  text: string;
  sentences: Range[];
  paragraphs: Range[];
  cues: CueLexicon;
}

/** The sentence that contains `offset` (or the nearest one after it). */
export function sentenceAt(context: QuoteContext, offset: number): Range {
  return context.sentences[sentenceIndex(context, offset)] ?? { start: 0, end: context.text.length };
}

export function paragraphAt(context: QuoteContext, offset: number): Range {
  return (
    context.paragraphs.find((paragraph) => offset >= paragraph.start && offset < paragraph.end) ?? {
      start: offset,
      end: offset,
    }
  );
}

export function paragraphIndex(context: QuoteContext, offset: number): number {
  return context.paragraphs.findIndex((paragraph) => offset >= paragraph.start && offset < paragraph.end);
}

/** Index of the sentence that contains `offset` (or the nearest one after it). */
export function sentenceIndex(context: QuoteContext, offset: number): number {
  const { sentences } = context;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sentence = sentences[mid] as Range;
    if (offset < sentence.start) hi = mid - 1;
    else if (offset >= sentence.end) lo = mid + 1;
    else return mid;
  }
  return Math.min(lo, Math.max(0, sentences.length - 1));
}
