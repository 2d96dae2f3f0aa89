import { LedeError } from '../../errors.js';
import { bigramsOf, foldForSearch, hasUnspacedScript, splitUnspaced } from './search-text.js';

/**
 * Bounds on what one query may ask FTS5 to expand. A one-letter prefix merges the posting lists of
 * every indexed word starting with that letter: on the 2,225 BBC articles `a* OR b*` took 817 ms and
 * each further letter about 350 ms more, so 21 of them froze a server for a minute at 11,000
 * documents. Three-letter prefixes cost tens of milliseconds each.
 */
export const QUERY_LIMITS = {
  minPrefixLetters: 3,
  maxPrefixTerms: 4,
  maxOrTerms: 10,
  maxTerms: 32,
} as const;

const OPERATORS = new Set(['OR', 'NOT', 'AND']);

/**
 * Whether a query may be costly though within QUERY_LIMITS: more than two alternatives, counting
 * each OR and each further word a prefix term expands to (a prefix reads the posting list of every
 * word it starts, as an OR of them would). At most ten times a plain search on the BBC corpus
 * (`con* OR pro* OR com* OR pre*` 225 ms, `blair` 17 ms), which the server runs apart so plain
 * searches never wait behind them. Without `wordsStartingWith` (how many indexed words start with a
 * prefix, counted up to a few) every prefix counts as costly.
 */
export function isCostlyQuery(
  input: string,
  wordsStartingWith: (prefix: string) => number = () => Number.POSITIVE_INFINITY,
): boolean {
  const ors = input.match(/(^|\s)OR(\s|$)/g)?.length ?? 0;
  const prefixes = prefixesOf(input);
  if (!prefixes) return true;
  return prefixes.reduce((alternatives, prefix) => alternatives + wordsStartingWith(prefix) - 1, ors) > 2;
}

/** The prefixes of a query's `word*` terms as the index holds words (folded, lower case); undefined when it cannot be read. */
export function prefixesOf(input: string): string[] | undefined {
  if (!input.includes('*')) return [];
  try {
    return [...(toFtsQuery(input) ?? '').matchAll(/"([^"]*)"\*/g)].map((match) => (match[1] as string).toLowerCase());
  } catch {
    return undefined;
  }
}

/**
 * Turns what a user types into an FTS5 query without letting FTS5 syntax errors reach them:
 * "quoted phrases" stay phrases, `word*` stays a prefix query, OR, AND and NOT (upper case) are kept
 * between terms, every other term is quoted so punctuation cannot break the query. Terms are ANDed.
 * Throws a USAGE LedeError saying what to change when two operators stand in a row, or
 * when the query asks for more expansion than QUERY_LIMITS allows.
 */
export function toFtsQuery(input: string): string | undefined {
  const parts: string[] = [];
  let pendingOperator: string | undefined;
  let terms = 0;
  let prefixTerms = 0;
  let orTerms = 0;
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const token = match[2];
    if (token !== undefined && OPERATORS.has(token)) {
      if (pendingOperator) throw syntaxError(input, `${pendingOperator} ${token}: two operators in a row`);
      // One first or last joins nothing and is dropped: what someone types before the next word.
      if (parts.length > 0) pendingOperator = token;
      continue;
    }
    const termParts = match[1] !== undefined ? phrase(match[1]) : wordTerms(token as string);
    if (termParts.length === 0) continue;
    if (pendingOperator) parts.push(pendingOperator);
    if (pendingOperator === 'OR') orTerms++;
    pendingOperator = undefined;
    for (const part of termParts) {
      terms += lookups(part);
      if (part.endsWith('*')) {
        prefixTerms++;
        checkPrefix(input, part);
      }
      parts.push(part);
    }
  }
  checkCounts(input, terms, prefixTerms, orTerms);
  return parts.length ? parts.join(' ') : undefined;
}

/** The runs of Han, kana and Hangul the query searches, as typed (folded): what a snippet marks. */
export function unspacedRunsOf(input: string): string[] {
  return words(input.replace(/"/g, ' ')).flatMap((word) =>
    splitUnspaced(word)
      .filter((part) => part.unspaced)
      .map((part) => part.text),
  );
}

function phrase(text: string): string[] {
  const found = words(text);
  // Pairs of Han, kana or Hangul carry no word boundaries to line words up by: each word on its own.
  if (found.some(hasUnspacedScript)) return found.flatMap((word) => wordParts(word, false));
  const joined = found.join(' ');
  return joined ? [`"${joined}"`] : [];
}

function wordTerms(token: string): string[] {
  // Only the last word carries the star: `e-mail*` is "e" AND "mail"*, not two prefixes.
  const found = words(token);
  const starred = token.endsWith('*') ? found.length - 1 : -1;
  return found.flatMap((word, index) => wordParts(word, index === starred));
}

/**
 * A word's terms. A run of Han, kana or Hangul is the phrase of its character pairs in the `cjk`
 * column (`서울` is found in `서울에서`), which already matches inside longer words, so it takes no
 * star; a lone character matches where it stands alone.
 */
function wordParts(word: string, starred: boolean): string[] {
  if (!hasUnspacedScript(word)) return [starred ? `"${word}"*` : `"${word}"`];
  const parts = splitUnspaced(word);
  return parts.map((part, index) => {
    if (part.unspaced) return `cjk : "${bigramsOf(part.text).join(' ')}"`;
    return starred && index === parts.length - 1 ? `"${part.text}"*` : `"${part.text}"`;
  });
}

/** Posting lists a term reads: one, or one per character pair of a `cjk` phrase, so a pasted paragraph of Korean counts as long as it is. */
function lookups(part: string): number {
  return part.startsWith('cjk : ') ? part.split(' ').length - 2 : 1;
}

function checkPrefix(input: string, part: string): void {
  const letters = part.length - 3; // the quotes and the star
  if (letters < QUERY_LIMITS.minPrefixLetters) {
    throw limitError(
      input,
      `the prefix ${part.slice(1, -2)}* is too short: a prefix needs at least ${QUERY_LIMITS.minPrefixLetters} letters`,
    );
  }
}

function checkCounts(input: string, terms: number, prefixTerms: number, orTerms: number): void {
  if (prefixTerms > QUERY_LIMITS.maxPrefixTerms) {
    throw limitError(input, `${prefixTerms} prefix terms (word*): at most ${QUERY_LIMITS.maxPrefixTerms} are allowed`);
  }
  if (orTerms > QUERY_LIMITS.maxOrTerms) {
    throw limitError(input, `${orTerms} OR operators: at most ${QUERY_LIMITS.maxOrTerms} are allowed`);
  }
  if (terms > QUERY_LIMITS.maxTerms) {
    throw limitError(input, `${terms} terms: at most ${QUERY_LIMITS.maxTerms} are allowed`);
  }
}

function syntaxError(input: string, reason: string): LedeError {
  return new LedeError(
    'USAGE',
    `the search "${shorten(input)}" is not valid: ${reason} (OR, AND and NOT join two terms; quote them to search the words)`,
  );
}

function limitError(input: string, reason: string): LedeError {
  return new LedeError('USAGE', `the search "${shorten(input)}" asks too much: ${reason}; narrow it`);
}

function shorten(input: string): string {
  return input.length > 80 ? `${input.slice(0, 77)}…` : input;
}

/** Words as the index holds them: folded first, so Arabic vowel signs join a word instead of splitting it. */
function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
