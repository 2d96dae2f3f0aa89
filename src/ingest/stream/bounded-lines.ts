/** One line of a stream, or the fact that a line was longer than allowed (its text dropped as it was read). */
export type BoundedLine = { number: number; text: string } | { number: number; oversizedBytes: number };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines without ever holding more than `maxLineBytes` plus one
 * chunk: readline would build a line of any length as one string, and a newline-free gigabyte
 * ends the process with "Invalid string length". A longer line is reported by its length alone.
 * Empty lines are counted but not yielded: millions of them (a bomb of newlines) cost a scan, not
 * millions of awaits.
 */
export async function* boundedLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncIterable<BoundedLine> {
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let oversized = false;
  let number = 0;
  const finish = (): BoundedLine => {
    number++;
    const line: BoundedLine = oversized
      ? { number, oversizedBytes: lineBytes }
      : { number, text: decodeLine(Buffer.concat(parts), number === 1) };
    parts = [];
    lineBytes = 0;
    oversized = false;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      lineBytes += piece.length;
      if (lineBytes > maxLineBytes) {
        oversized = true;
        parts = [];
      } else if (piece.length > 0) {
        parts.push(piece);
      }
      if (newline === -1) break;
      if (lineBytes === 0) number++;
      else yield finish();
      start = newline + 1;
    }
  }
  if (lineBytes > 0) yield finish();
}

function decodeLine(bytes: Buffer, first: boolean): string {
  const text = bytes.toString('utf8');
  const withoutBom = first && text.startsWith('\ufeff') ? text.slice(1) : text;
  return withoutBom.endsWith('\r') ? withoutBom.slice(0, -1) : withoutBom;
}
