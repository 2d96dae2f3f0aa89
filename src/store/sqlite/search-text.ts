import type Database from 'better-sqlite3';

/**
 * What the full-text index sees of a text, the same for documents and queries, so a word matches
 * however it is spelled in either: Arabic without short vowels, shadda and tatweel (`مُحَمَّد` is
 * `محمد`), its presentation forms as plain letters, hamzated alefs as bare alef, alef maqsura and the
 * Persian ye as ye, the Persian kaf as kaf, ta marbuta as ha (the light normalisation of Arabic
 * retrieval); `ß` as `ss` (`Strasse` finds `Straße`). Case and Latin accents are folded by the
 * tokenizer (`unicode61 remove_diacritics 2`). Every change stays inside a word, so the index and
 * the stored text hold the same tokens in the same places and snippets still line up.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/[\uFB50-\uFDCF\uFE70-\uFEFC]+/g, (forms) => forms.normalize('NFKC'))
    .replace(ARABIC_MARKS_PATTERN, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/[ßẞ]/g, 'ss');
}

/** Arabic short vowels, tanween, shadda, sukun, Quranic marks, superscript alef and tatweel. */
const ARABIC_MARKS = '\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640';
const ARABIC_MARKS_PATTERN = new RegExp(`[${ARABIC_MARKS}]`, 'g');

/**
 * The marks, as characters the tokenizer keeps inside words: unicode61 would otherwise split
 * `مُحَمَّد` at each vowel sign, and the stored text would no longer tokenize like its folded index.
 */
export const ARABIC_TOKEN_CHARS = Array.from({ length: 0x100 }, (_, i) => String.fromCodePoint(0x0600 + i))
  .filter((char) => new RegExp(`[${ARABIC_MARKS}]`).test(char))
  .join('');

/** Scripts written without spaces between words: Han, kana, and Hangul (spaced by phrase, with particles attached). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const UNSPACED_TEST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function hasUnspacedScript(text: string): boolean {
  return UNSPACED_TEST.test(text);
}

/**
 * Overlapping character pairs of every run of Han, kana or Hangul (`서울에서` → `서울 울에 에서`), a
 * run of one character as itself: the index of the `cjk` column. A word of these scripts is then
 * found anywhere inside a run, as the pairs of the word in a row, which is what a reader of
 * Chinese or Japanese (no spaces) or Korean (particles attached: `서울` in `서울에서`) means by a word.
 * Runs are kept apart by a newline so no pair spans two. Empty for texts without these scripts.
 */
export function unspacedBigrams(text: string): string {
  const runs: string[] = [];
  for (const [run] of text.matchAll(UNSPACED)) runs.push(bigramsOf(run).join(' '));
  return runs.join('\n');
}

/** The `cjk` value of a document: its headline's and text's pairs, the SQL `lede_unspaced_bigrams` computes in the migration. */
export function unspacedBigramsOf(headline: string | null, text: string): string {
  const both = `${headline ?? ''}\n${text}`;
  return hasUnspacedScript(both) ? unspacedBigrams(both) : '';
}

export function bigramsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

/** The runs of Han, kana or Hangul in a word, and what lies between them. */
export function splitUnspaced(word: string): { text: string; unspaced: boolean }[] {
  const parts: { text: string; unspaced: boolean }[] = [];
  let at = 0;
  for (const match of word.matchAll(UNSPACED)) {
    if (match.index > at) parts.push({ text: word.slice(at, match.index), unspaced: false });
    parts.push({ text: match[0], unspaced: true });
    at = match.index + match[0].length;
  }
  if (at < word.length) parts.push({ text: word.slice(at), unspaced: false });
  return parts;
}

/** The tokenizer of `documents_fts`. */
export const FTS_TOKENIZER = `unicode61 remove_diacritics 2 tokenchars '${ARABIC_TOKEN_CHARS}'`;

/** SQL functions the migration that rebuilds the index calls: it folds and pairs stored text as writes do. */
export function registerSearchFunctions(db: Database.Database): void {
  db.function('lede_search_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  );
  db.function('lede_has_unspaced', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' && hasUnspacedScript(text) ? 1 : 0,
  );
  db.function('lede_unspaced_bigrams', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? unspacedBigrams(text) : '',
  );
}
