import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from './read-inputs.js';
import { measureInputs } from './sources/index.js';

let folder: string;
const jsonl = `${Array.from({ length: 400 }, (_, index) => JSON.stringify({ id: `n${index}`, text: `Story number ${index}. `.repeat(20) })).join('\n')}\n`;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lede-bytes-'));
  await mkdir(join(folder, 'sub'));
  await writeFile(
    join(folder, 'a.txt'),
    'A headline\n\nA body of a plain text dump, long enough to be an article of its own.\n',
  );
  await writeFile(join(folder, 'sub', 'b.jsonl.gz'), gzipSync(jsonl));
  await writeFile(join(folder, '.hidden.txt'), 'skipped by the walk');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the size of the work ahead and the bytes read so far', () => {
  it('measures local files by stat, leaving out hidden files, and counts URLs apart', async () => {
    const size = await measureInputs([folder, join(folder, 'missing.txt'), 'https://example.org/feed.xml']);
    const expected = (await import('node:fs')).statSync(join(folder, 'a.txt')).size + gzipSync(jsonl).length;
    expect(size).toEqual({ bytes: expected, files: 2, urls: 1 });
  });

  it('reports bytes read up to the measured total, compressed bytes for a .gz, as records are read', async () => {
    const seen: number[] = [];
    let records = 0;
    let bytesAtFirstJsonlRecord: number | undefined;
    for await (const result of readInputs(
      [folder],
      { maxDocumentBytes: 1e6 },
      { onBytes: (bytes) => seen.push(bytes) },
    )) {
      records++;
      if ('record' in result && result.record.uri.includes('jsonl') && bytesAtFirstJsonlRecord === undefined)
        bytesAtFirstJsonlRecord = seen.at(-1);
    }
    const { bytes } = await measureInputs([folder]);
    expect(records).toBe(401);
    expect(seen.at(-1)).toBe(bytes);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // The text file is counted once read, before the archive's first record.
    expect(bytesAtFirstJsonlRecord).toBeGreaterThan(0);
    expect(bytesAtFirstJsonlRecord).toBeLessThanOrEqual(bytes);
  });
});
