/** A word or punctuation token with its offsets in the document text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** True for words (letters or digits), false for punctuation. */
  word: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*(?:\.(?=[\p{L}]\.))?|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    const value = match[0];
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: start + match.index,
      end: start + match.index + value.length,
      word: /[\p{L}\p{N}]/u.test(value[0] as string),
    });
  }
  return tokens;
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);

export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) || /^(al|el|ad|as|ash|an|bin|ibn|de|van|von|du)-\p{Lu}/u.test(token.text);
}

export function countWords(text: string): number {
  return tokenize(text).filter((token) => token.word).length;
}
