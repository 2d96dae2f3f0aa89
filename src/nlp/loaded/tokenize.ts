/**
 * The framing model's own word split, so training (on PTC text) and tagging (on clean text) cut words
 * the same way whatever the `tokens` layer does. Hyphenated and apostrophe words stay whole.
 */
export interface WordToken {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Tokens of text[start, end), with offsets into the whole text. */
export function tokenizeRange(text: string, start = 0, end = text.length): WordToken[] {
  const slice = text.slice(start, end);
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    tokens.push({ start: start + match.index, end: start + match.index + match[0].length, text: match[0] });
  }
  return tokens;
}
