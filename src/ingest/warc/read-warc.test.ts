import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadContext } from '../reader.js';
import type { ReadResult } from '../record.js';
import { openInputFile } from '../sources/expand.js';
import { warcReader } from './read-warc.js';
import { type WarcPage, writeWarc } from './write-warc.js';

const CONTEXT: ReadContext = { maxDocumentBytes: 1024 * 1024 };
const ARABIC = 'وقال المتحدث باسم الحكومة إن المفاوضات ستستأنف';
const PAGES: WarcPage[] = [
  { url: 'https://news.example/a', body: '<html><body><p>First story</p></body></html>' },
  { url: 'https://news.example/a', type: 'request', body: '' },
  { url: 'https://news.example/style.css', body: 'p{}', headers: { 'Content-Type': 'text/css' } },
  {
    url: 'https://news.example/ar',
    body: iconv.encode(`<html><body><p>${ARABIC}</p></body></html>`, 'windows-1256'),
    headers: { 'Content-Type': 'text/html; charset=windows-1256' },
  },
  { url: 'https://news.example/gone', body: '<html><body>Not here</body></html>', status: 404 },
  {
    url: 'https://news.example/zipped',
    body: gzipSync('<html><body><p>Compressed in the archive</p></body></html>'),
    headers: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' },
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-warc-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readBytes(name: string, bytes: Uint8Array, context = CONTEXT): Promise<ReadResult[]> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const file = await openInputFile(path, bytes.length);
  expect(warcReader.accepts(file)).toBe(true);
  const results: ReadResult[] = [];
  for await (const result of warcReader.read(file, context)) results.push(result);
  return results;
}

describe('warcReader', () => {
  it.each([false, true])('reads the HTML responses of a WARC (gzip %s) with their header charsets', async (gzip) => {
    const name = gzip ? 'crawl.warc.gz' : 'crawl.warc';
    const results = await readBytes(name, await writeWarc(PAGES, { gzip }));
    const records = results.map((result) => ('record' in result ? result.record : result.failure));
    expect(records.map((record) => record.uri)).toEqual([
      `${join(dir, name)}#https://news.example/a`,
      `${join(dir, name)}#https://news.example/ar`,
      `${join(dir, name)}#https://news.example/zipped`,
    ]);
    const [first, arabic, zipped] = results.map((result) => ('record' in result ? result.record : undefined));
    expect(first?.content).toContain('First story');
    expect(arabic).toMatchObject({
      charset: 'windows-1256',
      charsetFrom: 'header',
      hints: { url: 'https://news.example/ar' },
    });
    expect(arabic?.content).toContain(ARABIC);
    expect(zipped?.content).toContain('Compressed in the archive');
  });

  it('is chosen by content when the name says nothing', async () => {
    const results = await readBytes('download.bin', await writeWarc(PAGES.slice(0, 1), { gzip: true }));
    expect(results).toHaveLength(1);
    expect(results[0]).toHaveProperty('record');
  });

  it('keeps the records before the cut of a truncated WARC.gz and names the file in one failure', async () => {
    const bytes = await writeWarc(PAGES, { gzip: true });
    const results = await readBytes('cut.warc.gz', bytes.subarray(0, bytes.length - 40));
    const failures = results.filter((result) => 'failure' in result);
    expect(results.filter((result) => 'record' in result).length).toBeGreaterThanOrEqual(2);
    expect(failures).toEqual([
      {
        failure: {
          uri: join(dir, 'cut.warc.gz'),
          reason: expect.stringMatching(/^truncated or corrupt WARC after \d records: /),
        },
      },
    ]);
  });

  it('reports an uncompressed WARC cut inside a record body', async () => {
    const bytes = await writeWarc(PAGES.slice(0, 4));
    const results = await readBytes('cut.warc', bytes.subarray(0, bytes.length - 30));
    expect(results[0]).toHaveProperty('record');
    expect(results.at(-1)).toEqual({
      failure: {
        uri: join(dir, 'cut.warc'),
        reason: expect.stringMatching(
          /^truncated or corrupt WARC after 1 record: record https:\/\/news.example\/ar is missing its last \d+ bytes/,
        ),
      },
    });
  });

  it('fails a record over the document limit alone and reads on', async () => {
    const big: WarcPage = { url: 'https://news.example/big', body: `<html><body>${'x'.repeat(5000)}</body></html>` };
    const results = await readBytes('big.warc', await writeWarc([big, PAGES[0]!]), { maxDocumentBytes: 1000 });
    expect(results).toEqual([
      {
        failure: {
          uri: `${join(dir, 'big.warc')}#https://news.example/big`,
          reason: expect.stringContaining('over the 1000 B limit'),
        },
      },
      { record: expect.objectContaining({ uri: `${join(dir, 'big.warc')}#https://news.example/a` }) },
    ]);
  });

  it('says so when an archive holds no HTML pages', async () => {
    const results = await readBytes('assets.warc', await writeWarc([PAGES[2]!]));
    expect(results).toEqual([
      {
        failure: {
          uri: join(dir, 'assets.warc'),
          reason: 'no HTML response records in the WARC (1 other records skipped)',
        },
      },
    ]);
  });

  it('turns a file named .warc that is not a WARC into one failure', async () => {
    const results = await readBytes('fake.warc', new TextEncoder().encode('this is not an archive\r\n\r\nat all'));
    expect(results).toEqual([
      {
        failure: {
          uri: join(dir, 'fake.warc'),
          reason: 'not a WARC file (it does not start with a WARC/1.x version line)',
        },
      },
    ]);
  });

  it('fails a 200 MB file of zeros named .warc at once, without reading it', async () => {
    const path = join(dir, 'zeros.warc');
    await writeFile(path, '');
    await truncate(path, 200 * 1024 * 1024); // sparse: no disk used
    const file = await openInputFile(path, 200 * 1024 * 1024);
    const started = performance.now();
    const results: ReadResult[] = [];
    for await (const result of warcReader.read(file, CONTEXT)) results.push(result);
    expect(results).toEqual([{ failure: { uri: path, reason: expect.stringContaining('not a WARC file') } }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
