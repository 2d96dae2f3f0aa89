import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../fetch/fetch-page.js';
import { startTestServer, type TestServer } from '../fetch/test-server.js';
import { readInputs } from '../read-inputs.js';
import type { ReadContext } from '../reader.js';
import { chooseReader } from '../readers.js';
import type { ReadResult } from '../record.js';
import { memoryInputFile } from '../sources/expand.js';
import { feedReader } from './read-feed.js';

let server: TestServer;
let dir: string;

const page = (text: string) => (_: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><p>${text}</p></body></html>`);

function rss(origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test wire</title><link>${origin}/</link>
<item><title>Ceasefire holds</title><link>${origin}/a</link><pubDate>Mon, 13 Feb 2023 10:00:00 GMT</pubDate></item>
<item><title>Gone story</title><link>${origin}/gone</link></item>
<item><title>No link here</title></item>
<item><title>Relative</title><link>/b</link></item>
</channel></rss>`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-feed-'));
  server = await startTestServer({
    '/a': page('Ceasefire holds in the north'),
    '/b': page('A relative link resolved'),
    '/feed.xml': (_, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(server.origin)),
    '/atom': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="/a"/></entry></feed>`),
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

async function withContext<T>(body: (context: ReadContext) => Promise<T>): Promise<T> {
  const fetcher = createFetcher({ allowPrivate: true, requestsPerSecond: 1000 });
  try {
    return await body({ fetchPage: fetcher.fetchPage, maxDocumentBytes: 1024 * 1024 });
  } finally {
    await fetcher.close();
  }
}

describe('feedReader', () => {
  it('fetches each item of a feed file, failing a missing page or a linkless item alone', async () => {
    const path = join(dir, 'wire.xml');
    await writeFile(path, rss(server.origin));
    const results = await withContext((context) => collect(readInputs([path], context)));
    expect(results).toEqual([
      {
        record: expect.objectContaining({
          uri: `${path}#${server.origin}/a`,
          mediaType: 'text/html',
          content: expect.stringContaining('Ceasefire holds in the north'),
          hints: { url: `${server.origin}/a`, title: 'Ceasefire holds', published: '2023-02-13T10:00:00.000Z' },
        }),
      },
      { failure: { uri: `${path}#${server.origin}/gone`, reason: 'HTTP 404' } },
      { failure: { uri: `${path}#item-3`, reason: 'item "No link here" has no link' } },
      { record: expect.objectContaining({ uri: `${path}#${server.origin}/b` }) },
    ]);
  });

  it('expands a feed URL into its items, resolving links against the feed', async () => {
    const results = await withContext((context) => collect(readInputs([`${server.origin}/atom`], context)));
    expect(results).toEqual([
      {
        record: expect.objectContaining({
          uri: `${server.origin}/atom#${server.origin}/a`,
          hints: expect.objectContaining({ title: 'A' }),
        }),
      },
    ]);
  });

  it('decodes a feed by its XML declaration', async () => {
    const xml = `<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>Café “crème”</title><link>https://x.example/1</link></item></channel></rss>`;
    const fetched: string[] = [];
    const context: ReadContext = {
      maxDocumentBytes: 1e6,
      fetchPage: async (url) => {
        fetched.push(url);
        return { record: { uri: url, content: '<p>x</p>', mediaType: 'text/html' } };
      },
    };
    const results = await collect(
      feedReader.read(memoryInputFile('feed.rss', iconv.encode(xml, 'windows-1252')), context),
    );
    expect(fetched).toEqual(['https://x.example/1']);
    expect(results[0]).toMatchObject({ record: { hints: { title: 'Café “crème”' } } });
  });

  it('fails the whole feed once when pages cannot be fetched here', async () => {
    const results = await collect(
      feedReader.read(memoryInputFile('feed.rss', new TextEncoder().encode(rss('https://n.example'))), {
        maxDocumentBytes: 1e6,
      }),
    );
    expect(results).toEqual([
      { failure: { uri: 'feed.rss', reason: 'feed has 4 items, but fetching their pages is not available here' } },
    ]);
  });

  it('is chosen by content for feeds and not for other XML', () => {
    expect(
      chooseReader({ path: 'x.xml', head: head('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">') })?.name,
    ).toBe('feed');
    expect(chooseReader({ path: 'noext', head: head('<feed xmlns="http://www.w3.org/2005/Atom">') })?.name).toBe(
      'feed',
    );
    expect(chooseReader({ path: 'sitemap.xml', head: head('<?xml version="1.0"?><urlset>') })).toBeUndefined();
    expect(chooseReader({ path: 'page.html', head: head('<!doctype html><html>') })?.name).toBe('html');
  });

  it('reports an empty feed and a non-feed .rss file', async () => {
    const empty = await collect(
      feedReader.read(memoryInputFile('e.rss', head('<rss><channel></channel></rss>')), { maxDocumentBytes: 1e6 }),
    );
    expect(empty).toEqual([{ failure: { uri: 'e.rss', reason: 'RSS feed has no items' } }]);
    const notFeed = await collect(
      feedReader.read(memoryInputFile('n.rss', head('<html><body>hi</body></html>')), { maxDocumentBytes: 1e6 }),
    );
    expect(notFeed).toEqual([
      { failure: { uri: 'n.rss', reason: 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)' } },
    ]);
  });
});

function head(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
