/**
 * Help text as wide as the terminal. Commander wraps its option table to the terminal already; the
 * prose and examples each command adds are written for 100 columns, so on a narrower terminal a line
 * longer than the width is broken at spaces, each piece keeping the line's indentation. Lines that fit
 * are left as they are.
 */
export function wrapToWidth(text: string, width: number | undefined): string {
  if (!width || width < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => (line.length <= width ? [line] : breakLine(line, width)))
    .join('\n');
}

function breakLine(line: string, width: number): string[] {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.slice(indent.length).split(/ +/);
  const pieces: string[] = [];
  let current = indent;
  for (const word of words) {
    if (current.trim() && current.length + 1 + word.length > width) {
      pieces.push(current);
      current = indent;
    }
    current += current.trim() ? ` ${word}` : word;
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}
