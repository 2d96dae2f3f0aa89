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

/**
 * A snippet of `text` around the first of `needles`, each occurrence in it a hit: for words matched
 * in the `cjk` column, which FTS5's snippet (of the text column) cannot mark.
 */
export function snippetAround(text: string, needles: readonly string[], width = 120): SnippetPiece[] {
  const found = needles.map((needle) => text.indexOf(needle)).filter((at) => at >= 0);
  if (found.length === 0) return [];
  const first = Math.min(...found);
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const hits: [number, number][] = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle, start); at >= 0 && at + needle.length <= end; at = text.indexOf(needle, at + 1))
      hits.push([at, at + needle.length]);
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const pieces: SnippetPiece[] = [];
  let last = start;
  for (const [from, to] of hits) {
    if (from < last) continue;
    if (from > last) pieces.push({ text: text.slice(last, from), hit: false });
    pieces.push({ text: text.slice(from, to), hit: true });
    last = to;
  }
  if (end > last) pieces.push({ text: text.slice(last, end), hit: false });
  if (start > 0) pieces.unshift({ text: '…', hit: false });
  if (end < text.length) pieces.push({ text: '…', hit: false });
  return pieces;
}
