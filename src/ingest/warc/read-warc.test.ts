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

describe('warcReader with a broken record between good ones', () => {
  const stories = ['a', 'b', 'c'].map((name) => ({
    url: `https://n.example/${name}`,
    body: `<html><body><p>Story ${name}</p></body></html>`,
  }));
  const breakages: [string, (record: string) => string, string][] = [
    ['a bad version line', (r) => r.replace('WARC/1.0', 'XARC/1.0'), 'it does not start with a WARC/1.x version line'],
    ['no Content-Length', (r) => r.replace(/Content-Length: \d+\r\n/, ''), 'its WARC header has no Content-Length'],
    [
      'a Content-Length too long',
      (r) => r.replace(/Content-Length: (\d+)/, (_, n) => `Content-Length: ${Number(n) + 40}`),
      'its block does not end after its Content-Length',
    ],
    [
      'a Content-Length too short',
      (r) => r.replace(/Content-Length: (\d+)/, (_, n) => `Content-Length: ${Number(n) - 40}`),
      'its block does not end after its Content-Length',
    ],
  ];

  it.each(breakages)(
    'stores every good record and fails the one with %s by number and offset',
    async (_, breakRecord, reason) => {
      const [first, middle, last] = await Promise.all(stories.map((page) => writeWarc([page])));
      const broken = Buffer.from(breakRecord(Buffer.from(middle!).toString('latin1')), 'latin1');
      const results = await readBytes('broken.warc', Buffer.concat([first!, broken, last!]));
      const path = join(dir, 'broken.warc');
      expect(results).toEqual([
        { record: expect.objectContaining({ uri: `${path}#https://n.example/a` }) },
        {
          failure: {
            uri: `${path}#https://n.example/b`,
            reason: `broken WARC record 2 at byte ${first!.length}: ${reason}${reason.startsWith('its block') ? ` (${/Content-Length: (\d+)/.exec(broken.toString('latin1'))?.[1]})` : ''}; the records after it are read`,
          },
        },
        { record: expect.objectContaining({ uri: `${path}#https://n.example/c` }) },
      ]);
    },
  );

  it('fails a response whose HTTP status line is unreadable alone', async () => {
    const [first, middle, last] = await Promise.all(stories.map((page) => writeWarc([page])));
    const broken = Buffer.from(
      Buffer.from(middle!).toString('latin1').replace('HTTP/1.1 200 OK', 'HTTP/1.1 xyz OK'),
      'latin1',
    );
    const results = await readBytes('status.warc', Buffer.concat([first!, broken, last!]));
    expect(results.map((r) => ('record' in r ? r.record.uri : r.failure.reason))).toEqual([
      `${join(dir, 'status.warc')}#https://n.example/a`,
      'response record without a readable HTTP status line',
      `${join(dir, 'status.warc')}#https://n.example/c`,
    ]);
  });

  it('skips an asset over the size limit without holding it, and refuses a WARC.gz bomb alone', async () => {
    const asset = {
      url: 'https://n.example/v.mp4',
      body: Buffer.alloc(50_000),
      headers: { 'Content-Type': 'video/mp4' },
    };
    const results = await readBytes('asset.warc', await writeWarc([asset, stories[0]!]), { maxDocumentBytes: 1000 });
    expect(results).toEqual([
      { record: expect.objectContaining({ uri: `${join(dir, 'asset.warc')}#https://n.example/a` }) },
    ]);
    const header = Buffer.from(await writeWarc([stories[0]!], { gzip: true }));
    const bomb = Buffer.concat([header, gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x0a), { level: 9 })]);
    const bombed = await readBytes('bomb.warc.gz', bomb);
    expect(bombed).toEqual([
      { record: expect.objectContaining({ uri: `${join(dir, 'bomb.warc.gz')}#https://n.example/a` }) },
      {
        failure: {
          uri: join(dir, 'bomb.warc.gz'),
          reason: expect.stringMatching(
            /^gzip decompresses to more than 100 times its size .* stopped after 1 record$/,
          ),
        },
      },
    ]);
  });
});
