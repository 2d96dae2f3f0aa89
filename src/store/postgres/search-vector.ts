import { foldForSearch, toFtsQuery, unspacedBigramsOf } from '../sqlite/index.js';
import type { SnippetPiece } from '../store.js';

/**
 * lede builds its PostgreSQL search vectors and queries itself, with the folding of the SQLite index
 * (`foldForSearch`: Arabic without vowel signs, ß as ss; case and Latin accents folded as FTS5's
 * `unicode61 remove_diacritics` does), so a query finds the same documents in either store.
 * PostgreSQL's own parser would split words its own way (`e-mail` as three words, URLs as one) and
 * keeps accents. Headline words carry weight A, text words B, the character pairs of Han, kana and
 * Hangul runs C (the `cjk` column of the SQLite index).
 */

/** PostgreSQL keeps positions up to this value; later words share it (phrases that far in no longer match). */
const MAX_POSITION = 16383;
/** Positions kept per word: PostgreSQL keeps at most 256. */
const MAX_POSITIONS_PER_WORD = 256;
const LATIN_MARKS = /[\u0300-\u036f]/g;

/** A word as the index holds it. */
export function lexeme(word: string): string {
  return word.normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC').toLowerCase();
}

/** The index words of a text, in order. */
export function lexemesOf(text: string): string[] {
  return lexeme(foldForSearch(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function quoted(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector literal of a document, and its distinct words, without character pairs (for `search_words`). */
export function searchVector(headline: string | null, text: string): { vector: string; words: string[] } {
  const positions = new Map<string, string[]>();
  let at = 0;
  const plain = new Set<string>();
  const add = (words: readonly string[], weight: 'A' | 'B' | 'C') => {
    for (const word of words) {
      at = Math.min(at + 1, MAX_POSITION);
      if (weight !== 'C') plain.add(word);
      const list = positions.get(word);
      if (!list) positions.set(word, [`${at}${weight}`]);
      else if (list.length < MAX_POSITIONS_PER_WORD) list.push(`${at}${weight}`);
    }
    // A gap, so that no phrase spans two parts.
    at = Math.min(at + 1, MAX_POSITION);
  };
  add(lexemesOf(headline ?? ''), 'A');
  // Pairs before the text: a long text's words reach the last position, where phrases stop matching.
  add(unspacedBigramsOf(headline, text).split(/\s+/).filter(Boolean), 'C');
  add(lexemesOf(text), 'B');
  const vector = [...positions].map(([word, list]) => `${quoted(word)}:${list.join(',')}`).join(' ');
  return { vector, words: [...plain] };
}

/** A term of a query, for marking snippets: a word, or the start of words. */
export interface QueryWord {
  word: string;
  prefix: boolean;
}

/**
 * The tsquery of what a user types, read by the same parser as the SQLite store (`toFtsQuery`: its
 * quoting, operators and limits), so both stores accept and refuse the same searches. FTS5's
 * precedence (NOT, then AND, then OR) is tsquery's: `a NOT b` is `a & !b`.
 */
export function toTsQuery(input: string): { query: string; words: QueryWord[] } | undefined {
  const fts = toFtsQuery(input);
  if (!fts) return undefined;
  const parts: string[] = [];
  const words: QueryWord[] = [];
  const pattern = /cjk : "([^"]*)"|"([^"]*)"(\*)?|(OR|AND|NOT)/g;
  let needsOperator = false;
  for (let match = pattern.exec(fts); match; match = pattern.exec(fts)) {
    const [, pairs, phrase, star, operator] = match;
    if (operator) {
      parts.push(operator === 'OR' ? '|' : operator === 'AND' ? '&' : '& !');
      needsOperator = false;
      continue;
    }
    let term: string | undefined;
    if (pairs !== undefined) {
      const list = pairs.split(' ').filter(Boolean);
      term = list.map((pair) => `${quoted(pair)}:C`).join(' <-> ');
      for (const pair of list) words.push({ word: pair, prefix: false });
    } else {
      const list = lexemesOf(phrase ?? '');
      const last = list.length - 1;
      term = list.map((word, index) => `${quoted(word)}:${star && index === last ? '*' : ''}AB`).join(' <-> ');
      list.forEach((word, index) => {
        words.push({ word, prefix: Boolean(star) && index === last });
      });
    }
    if (!term) continue;
    if (needsOperator) parts.push('&');
    parts.push(term.includes('<->') ? `(${term})` : term);
    needsOperator = true;
  }
  return parts.length ? { query: parts.join(' '), words } : undefined;
}

/** Words of a stored text with their places, as the index reads them (marks kept inside a word). */
const TEXT_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * A snippet of `text` around its best run of query words, each marked: the part of a search hit
 * PostgreSQL's ts_headline would give, but matched through lede's folding (`munchen` marks
 * `München`), which ts_headline cannot do.
 */
export function snippetOf(text: string, words: readonly QueryWord[], width = 24): SnippetPiece[] {
  const exact = new Set(words.filter((word) => !word.prefix).map((word) => word.word));
  const prefixes = words.filter((word) => word.prefix).map((word) => word.word);
  const tokens: { start: number; end: number; hit: boolean }[] = [];
  for (const match of text.matchAll(TEXT_WORD)) {
    const forms = lexemesOf(match[0]);
    const hit = forms.some((form) => exact.has(form) || prefixes.some((prefix) => form.startsWith(prefix)));
    tokens.push({ start: match.index, end: match.index + match[0].length, hit });
  }
  if (tokens.length === 0) return [];
  // The window of `width` words with the most hits, first such window on ties.
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let end = 0; end < tokens.length; end++) {
    if (tokens[end]?.hit) hits++;
    if (end >= width && tokens[end - width]?.hit) hits--;
    const start = Math.max(0, end - width + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  const first = tokens[best] as { start: number };
  const last = tokens[Math.min(tokens.length, best + width) - 1] as { end: number };
  const pieces: SnippetPiece[] = [];
  if (best > 0) pieces.push({ text: '…', hit: false });
  let at = first.start;
  for (const token of tokens.slice(best, best + width)) {
    if (!token.hit) continue;
    if (token.start > at) pieces.push({ text: text.slice(at, token.start), hit: false });
    pieces.push({ text: text.slice(token.start, token.end), hit: true });
    at = token.end;
  }
  if (last.end > at) pieces.push({ text: text.slice(at, last.end), hit: false });
  if (best + width < tokens.length) pieces.push({ text: '…', hit: false });
  return pieces;
}
