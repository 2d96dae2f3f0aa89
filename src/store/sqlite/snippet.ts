import type { SnippetPiece } from '../store.js';

/** Splits an FTS5 snippet marked with \u0002…\u0003 into plain text pieces. */
export function parseSnippet(marked: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: FTS5 marks hits with control characters that text cannot contain
  const pattern = /\u0002([^\u0003]*)\u0003/g;
  let last = 0;
  for (let match = pattern.exec(marked); match; match = pattern.exec(marked)) {
    if (match.index > last) pieces.push({ text: marked.slice(last, match.index), hit: false });
    pieces.push({ text: match[1] as string, hit: true });
    last = match.index + match[0].length;
  }
  if (last < marked.length) pieces.push({ text: marked.slice(last), hit: false });
  return pieces;
}
