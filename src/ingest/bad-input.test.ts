import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from './fetch/fetch-page.js';
import { startTestServer, type TestServer } from './fetch/test-server.js';
import { readInputs } from './read-inputs.js';
import type { ReadContext } from './reader.js';
import type { ReadResult } from './record.js';
import { writeWarc } from './warc/write-warc.js';

let dir: string;
let good: string;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-bad-'));
  good = join(dir, 'zz-good.txt');
  await writeFile(good, 'A good article that must survive its bad neighbours.\n');
  server = await startTestServer({
    '/ok': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Still here</p></body></html>'),
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function read(paths: string[], context: ReadContext = { maxDocumentBytes: 1024 * 1024 }): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readInputs(paths, context)) results.push(result);
  return results;
}

function failuresOf(results: ReadResult[]) {
  return results.flatMap((result) => ('failure' in result ? [result.failure] : []));
}

function recordUris(results: ReadResult[]) {
  return results.flatMap((result) => ('record' in result ? [result.record.uri] : []));
}

describe('bad inputs to the archive, feed and fetch readers', () => {
  it('a truncated WARC.gz keeps its earlier records, fails once, and the next file is still read', async () => {
    const path = join(dir, 'cut.warc.gz');
    const bytes = await writeWarc(
      ['a', 'b', 'c'].map((name) => ({
        url: `https://n.example/${name}`,
        body: `<html><body><p>Story ${name}</p></body></html>`,
      })),
      { gzip: true },
    );
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const results = await read([path, good]);
    expect(recordUris(results)).toEqual([`${path}#https://n.example/a`, `${path}#https://n.example/b`, good]);
    expect(failuresOf(results)).toEqual([
      { uri: path, reason: expect.stringMatching(/^truncated or corrupt WARC after 2 records/) },
    ]);
  });

  it('a truncated JSONL.gz keeps its earlier lines and fails once', async () => {
    const path = join(dir, 'cut.jsonl.gz');
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ id: i, text: `Line ${i} ${'words '.repeat(20)}` }),
    );
    const bytes = gzipSync(lines.join('\n'));
    await writeFile(path, bytes.subarray(0, bytes.length - 20));
    const results = await read([path, good]);
    expect(recordUris(results).length).toBeGreaterThan(1);
    expect(recordUris(results).at(-1)).toBe(good);
    expect(failuresOf(results)).toEqual([
      { uri: path, reason: expect.stringMatching(/^truncated or corrupt gzip after line \d+/) },
    ]);
  });

  it('an empty WARC, a binary .rss and an empty JSONL each fail alone', async () => {
    const paths = ['empty.warc', 'binary.rss', 'empty.jsonl'].map((name) => join(dir, name));
    await writeFile(paths[0]!, '');
    await writeFile(paths[1]!, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    await writeFile(paths[2]!, '\n\n');
    const results = await read([...paths, good]);
    expect(failuresOf(results)).toEqual([
      { uri: paths[0], reason: 'empty file' },
      { uri: paths[1], reason: 'binary file: not an RSS or Atom feed' },
      { uri: paths[2], reason: 'no records: only blank lines' },
    ]);
    expect(recordUris(results)).toEqual([good]);
  });

  it('a feed whose items point to missing pages fails those items alone', async () => {
    const path = join(dir, 'wire.rss');
    await writeFile(
      path,
      `<rss><channel><item><title>Missing</title><link>${server.origin}/nope</link></item>
       <item><title>Present</title><link>${server.origin}/ok</link></item></channel></rss>`,
    );
    const fetcher = createFetcher({ allowPrivate: true, requestsPerSecond: 1000 });
    const results = await read([path, `${server.origin}/gone`, good], {
      fetchPage: fetcher.fetchPage,
      maxDocumentBytes: 1e6,
    });
    await fetcher.close();
    expect(failuresOf(results)).toEqual([
      { uri: `${path}#${server.origin}/nope`, reason: 'HTTP 404' },
      { uri: `${server.origin}/gone`, reason: 'HTTP 404' },
    ]);
    expect(recordUris(results)).toEqual([`${path}#${server.origin}/ok`, good]);
  });

  it('a WARC record with invalid UTF-8 is decoded, not dropped', async () => {
    const path = join(dir, 'bad-utf8.warc');
    const body = Buffer.concat([
      Buffer.from('<html><body><p>Zürich – Genève '),
      Buffer.from([0xc3]),
      Buffer.from(' Köln</p></body></html>'),
    ]);
    await writeFile(
      path,
      await writeWarc([{ url: 'https://n.example/u', body, headers: { 'Content-Type': 'text/html' } }]),
    );
    const [result] = await read([path]);
    expect(result).toMatchObject({ record: { charsetFrom: 'utf8-lossy' } });
    expect(result && 'record' in result && result.record.content).toContain('Zürich – Genève \ufffd Köln');
  });
});
