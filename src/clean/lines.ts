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

/** Words in an already normalised line. */
export function wordCount(normalised: string): number {
  if (!normalised) return 0;
  let count = 1;
  for (let i = normalised.indexOf(' '); i >= 0; i = normalised.indexOf(' ', i + 1)) count++;
  return count;
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
  while (i < end && isSpaceOrDropped(raw.charCodeAt(i))) i++;
  let stop = end;
  while (stop > i && isSpaceOrDropped(raw.charCodeAt(stop - 1))) stop--;
  let pieceStart = i;
  let piece = '';
  // Copies runs of ordinary characters in one slice; only spaces and dropped characters cut a run.
  let runStart = i;
  const flushRun = (to: number) => {
    if (to > runStart) piece += raw.slice(runStart, to);
  };
  while (i < stop) {
    const code = raw.charCodeAt(i);
    if (isDropped(code)) {
      flushRun(i);
      if (piece) copy(piece, pieceStart);
      piece = '';
      pieceStart = ++i;
      runStart = i;
      continue;
    }
    if (isSpace(code)) {
      flushRun(i);
      piece += ' ';
      i++;
      copy(piece, pieceStart);
      while (i < stop && isSpaceOrDropped(raw.charCodeAt(i))) i++;
      piece = '';
      pieceStart = i;
      runStart = i;
      continue;
    }
    i++;
  }
  flushRun(stop);
  if (piece) copy(piece, pieceStart);
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isDropped(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff ||
    code <= 0x08 ||
    (code >= 0x0e && code <= 0x1f) ||
    code === 0x7f
  );
}

function isSpaceOrDropped(code: number): boolean {
  return isSpace(code) || isDropped(code);
}
