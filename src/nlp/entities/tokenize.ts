import { DOTTED_ABBREVIATIONS } from '../abbreviations.js';

/**
 * CoNLL-style tokens over clean text, so the tagger sees what it was trained on: hyphenated words
 * and inner apostrophes stay whole (`al-Muhandis`, `Asa’ib`), clitics split off (`Iran` `’s`) and a
 * clitic already written apart stays one token (`Lord 's`), dotted abbreviations and a name's
 * initials keep their dots (`U.S.`, `Lt.`, `G. Kersey`), as does a short capitalised word whose period
 * no sentence end could follow (`St. Petersburg , Fla. ,`), numbers keep their separators and letters (`2,500`, `87th`) and
 * a currency keeps its country (`C$`, `HK$`).
 */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations whose period belongs to the word (otherwise a period is its own token). */
const DOTTED = DOTTED_ABBREVIATIONS;

const PATTERN = new RegExp(
  [
    String.raw`https?:\/\/\S+|www\.\S+\w`,
    String.raw`(?:\p{L}\.){2,}(?:-\p{L}+)*`,
    String.raw`(?<!\S)(?:['\u2019](?:[sS]|re|ve|ll|d|m)|n['\u2019]t)(?![\p{L}\p{M}\d])`,
    String.raw`\d+(?:[.,:/-]\d+)*\p{L}*(?:-\p{L}+)*`,
    String.raw`\p{Lu}{1,3}\$`,
    String.raw`[\p{L}\p{M}\d]+(?:['\u2019\u02bc\-.&][\p{L}\p{M}\d]+)*`,
    String.raw`\.{2,}|-{2,}|\S`,
  ].join('|'),
  'gu',
);

const CLITIC = /^(.+?)((?:n['\u2019]t)|['\u2019](?:s|re|ve|ll|d|m))$/i;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  PATTERN.lastIndex = 0;
  for (let match = PATTERN.exec(slice); match; match = PATTERN.exec(slice)) {
    const word = match[0];
    const start = from + match.index;
    const clitic = CLITIC.exec(word);
    if (clitic && /\p{L}/u.test(word[0] as string)) {
      const head = clitic[1] as string;
      tokens.push({ start, end: start + head.length, text: head });
      tokens.push({ start: start + head.length, end: start + word.length, text: clitic[2] as string });
      continue;
    }
    let end = start + word.length;
    if (
      text[end] === '.' &&
      (DOTTED.has(word.toLowerCase()) || isInitial(word, text, end, to) || isShortened(word, text, end))
    )
      end++;
    tokens.push({ start, end, text: text.slice(start, end) });
    PATTERN.lastIndex = end - from;
  }
  return tokens;
}

/** Token texts of a name, for matching it against tokenised text. */
export function tokenizeName(name: string): string[] {
  return tokenize(name).map((token) => token.text);
}

/**
 * `G.` in `G. Kersey`: one capital letter whose period is followed, inside the same passage, by a
 * capitalised word. A capital letter that ends its sentence keeps its period apart, since the
 * sentence splitter ended the passage there.
 */
function isInitial(word: string, text: string, dot: number, to: number): boolean {
  return /^\p{Lu}$/u.test(word) && dot + 2 < to && /^\.\s+\p{Lu}/u.test(text.slice(dot, dot + 3 + 1));
}

/**
 * `Fla. ,`, `Calif. and`, `Calif. 1996-08-24`: a period before a comma, a lower-case word or a number
 * ends no sentence (the sentence splitter reads it so too), so it shortens the word.
 */
function isShortened(word: string, text: string, dot: number): boolean {
  return /^\p{Lu}\p{Ll}{1,4}$/u.test(word) && /^\.(?:\s*[,;]|\s+[\p{Ll}\d])/u.test(text.slice(dot, dot + 3));
}
