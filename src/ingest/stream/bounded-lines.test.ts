import { describe, expect, it } from 'vitest';
import { type BoundedLine, boundedLines } from './bounded-lines.js';

async function collect(chunks: string[] | Buffer[], maxLineBytes: number): Promise<BoundedLine[]> {
  const buffers = chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
  const lines: BoundedLine[] = [];
  for await (const line of boundedLines(
    (async function* () {
      yield* buffers;
    })(),
    maxLineBytes,
  ))
    lines.push(line);
  return lines;
}

describe('boundedLines', () => {
  it('splits lines across chunks, drops a first-line BOM and CRs, and numbers every line, empty ones unyielded', async () => {
    expect(await collect(['\ufeffon', 'e\r\ntwo\n\nthr', 'ee'], 100)).toEqual([
      { number: 1, text: 'one' },
      { number: 2, text: 'two' },
      { number: 4, text: 'three' },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    const bytes = Buffer.from('Zürich\n');
    expect(await collect([bytes.subarray(0, 2), bytes.subarray(2)], 100)).toEqual([{ number: 1, text: 'Zürich' }]);
  });

  it('reports a line over the cap by its length, holding no more than the cap, and reads on', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const huge = Array.from({ length: 160 }, () => chunk); // 10 MB without a newline
    const lines = await collect([Buffer.from('first\n'), ...huge, Buffer.from('\nlast\n')], 1024 * 1024);
    expect(lines).toEqual([
      { number: 1, text: 'first' },
      { number: 2, oversizedBytes: 160 * 64 * 1024 },
      { number: 3, text: 'last' },
    ]);
  });

  it('accepts a line of exactly the cap', async () => {
    expect(await collect(['abcd\nabcde'], 4)).toEqual([
      { number: 1, text: 'abcd' },
      { number: 2, oversizedBytes: 5 },
    ]);
  });
});
