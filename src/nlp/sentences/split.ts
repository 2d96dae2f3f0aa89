import { TITLE_ABBREVIATIONS } from '../abbreviations.js';

/**
 * Sentence boundaries for news English. A period ends a sentence unless it closes a known
 * abbreviation or an initial, or the next word starts lower-case; closing quotes and brackets
 * after the punctuation stay with the sentence they close.
 */

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

export interface Range {
  start: number;
  end: number;
}

/** Paragraph ranges: runs of text separated by blank lines (or single newlines, which clean text never keeps inside a paragraph). */
export function splitParagraphs(text: string): Range[] {
  const ranges: Range[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const trimmed = trimRange(text, match.index, match.index + match[0].length);
    if (trimmed) ranges.push(trimmed);
  }
  return ranges;
}

/**
 * Longest sentence, in UTF-16 units. The longest in the BBC corpus has 1,510; text without sentence
 * breaks (a table flattened to text, a scrape that lost its punctuation) would otherwise make one
 * sentence of a whole paragraph, and the stages that look around each finding within its sentence
 * (timex tense, events) grow with the square of its length.
 */
export const MAX_SENTENCE_CHARS = 2000;

/** Sentence ranges inside one paragraph range; none longer than `MAX_SENTENCE_CHARS`. */
export function splitSentences(text: string, paragraph: Range = { start: 0, end: text.length }): Range[] {
  return findSentences(text, paragraph).flatMap((range) =>
    range.end - range.start > MAX_SENTENCE_CHARS ? cutLongSentence(text, range) : [range],
  );
}

/**
 * Cuts an over-long sentence into pieces of at most `MAX_SENTENCE_CHARS`: after the last clause
 * mark (`;`, `:`, `,`) in the second half of the allowed length, else at the last space, else (one
 * unbroken token) at the length itself, never inside a surrogate pair.
 */
export function cutLongSentence(text: string, sentence: Range, max = MAX_SENTENCE_CHARS): Range[] {
  const pieces: Range[] = [];
  let start = sentence.start;
  while (sentence.end - start > max) {
    const window = text.slice(start + Math.floor(max / 2), start + max);
    const clause = Math.max(window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf(', '));
    let space = window.length - 1;
    while (space >= 0 && !/\s/.test(window[space] as string)) space--;
    let cut = start + Math.floor(max / 2) + (clause >= 0 ? clause + 1 : space >= 0 ? space : window.length);
    if (clause < 0 && space < 0 && /[\uDC00-\uDFFF]/.test(text[cut] as string)) cut--;
    const piece = trimRange(text, start, cut);
    if (piece) pieces.push(piece);
    start = cut;
  }
  const last = trimRange(text, start, sentence.end);
  if (last) pieces.push(last);
  return pieces;
}

function findSentences(text: string, paragraph: Range): Range[] {
  const sentences: Range[] = [];
  let start = paragraph.start;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i] as string;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < paragraph.end && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < paragraph.end && CLOSERS.has(text[end] as string)) end++;
    if (end < paragraph.end && !/\s/.test(text[end] as string)) continue;
    let next = end;
    while (next < paragraph.end && /\s/.test(text[next] as string)) next++;
    if (next >= paragraph.end) break;
    if (ch === '.' && !endsSentence(text, start, i, next)) continue;
    const range = trimRange(text, start, end);
    if (range) sentences.push(range);
    start = next;
    i = next - 1;
  }
  const last = trimRange(text, start, paragraph.end);
  if (last) sentences.push(last);
  return sentences;
}

function endsSentence(text: string, sentenceStart: number, period: number, next: number): boolean {
  const nextChar = text[next] as string;
  if (/[a-z0-9]/.test(nextChar)) return false;
  let wordStart = period;
  while (wordStart > sentenceStart && /[\p{L}.]/u.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, period).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return false; // an initial: "J. Smith"
  if (TITLE_ABBREVIATIONS.has(word)) return false; // "Lt. General", "Dr. Ali"
  // "U.S. Open", "U.N. Security Council": a dotted initialism is mostly part of a name before a
  // capitalised word; it ends the sentence when a closed-class word opens the next ("... the U.S. The").
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return opensSentence(text, next);
  return true;
}

/** Determiners, pronouns, conjunctions, prepositions and auxiliaries: words that start sentences, never names. */
const CLOSED_CLASS = new Set(
  (
    'a an the this that these those some any no every each all both many most such ' +
    'i he she it we they you his her its our their my your there here ' +
    'and but or so yet nor if when while after before since as because although though ' +
    'in on at by for from with without of to into about against under over during among between ' +
    'is are was were be been has have had do does did will would can could shall should may might must ' +
    'not what who which where why how'
  ).split(' '),
);

function opensSentence(text: string, next: number): boolean {
  const match = /^[\p{L}']+/u.exec(text.slice(next, next + 24));
  return !match || CLOSED_CLASS.has(match[0].toLowerCase());
}

function trimRange(text: string, start: number, end: number): Range | undefined {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : undefined;
}
