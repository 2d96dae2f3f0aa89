/** A line of the raw text with its offsets; `text` excludes the line break. */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const lineEnd = end > start && raw[end - 1] === '\r' ? end - 1 : end;
    lines.push({ index: index++, start, end: lineEnd, text: raw.slice(start, lineEnd) });
    if (end === raw.length) break;
    start = end + 1;
  }
  return lines;
}

/** Non-breaking, typographic and other odd spaces that scraped pages carry; each folds to one ASCII space. */
export const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const SPACE_CHAR = /[ \r\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/;
/** Characters dropped from the clean text (zero-width and control characters). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this drops
const DROPPED = /[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/;

export function foldSpaces(text: string): string {
  return text.replace(ODD_SPACES, ' ');
}

/** Whitespace-normalised form of a line, for comparisons and for metadata values. */
export function normaliseLine(text: string): string {
  return foldSpaces(text).replace(/\s+/g, ' ').trim();
}

export function isBlank(text: string): boolean {
  return normaliseLine(text).length === 0;
}

export function wordCount(text: string): number {
  const normalised = normaliseLine(text);
  return normalised ? normalised.split(' ').length : 0;
}

/**
 * Calls `copy(piece, rawOffset)` for the pieces of raw[start, end) that belong in the clean text:
 * odd spaces folded to one space, runs of spaces collapsed, leading and trailing spaces and
 * dropped characters left out. Every piece is a 1:1 image of its raw characters, so offsets stay exact.
 */
export function forEachCleanPiece(
  raw: string,
  start: number,
  end: number,
  copy: (piece: string, rawOffset: number) => void,
): void {
  let i = start;
  while (i < end && isSpaceOrDropped(raw[i] as string)) i++;
  let stop = end;
  while (stop > i && isSpaceOrDropped(raw[stop - 1] as string)) stop--;
  let pieceStart = i;
  let piece = '';
  while (i < stop) {
    const ch = raw[i] as string;
    if (DROPPED.test(ch)) {
      if (piece) copy(piece, pieceStart);
      piece = '';
      pieceStart = ++i;
      continue;
    }
    if (isSpace(ch)) {
      piece += ' ';
      i++;
      if (piece) copy(piece, pieceStart);
      while (i < stop && isSpaceOrDropped(raw[i] as string)) i++;
      piece = '';
      pieceStart = i;
      continue;
    }
    piece += ch;
    i++;
  }
  if (piece) copy(piece, pieceStart);
}

function isSpace(ch: string): boolean {
  return SPACE_CHAR.test(ch);
}

function isSpaceOrDropped(ch: string): boolean {
  return isSpace(ch) || DROPPED.test(ch);
}
