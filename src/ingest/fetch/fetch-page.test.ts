import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFunction } from './address-guard.js';
import { createFetcher, DEFAULT_FETCH_OPTIONS, type FetchOptions } from './fetch-page.js';
import { startTestServer, type TestServer } from './test-server.js';

const ARABIC = 'قال وزير الخارجية إن الاجتماع سيعقد يوم الاثنين';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    '/robots.txt': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n'),
    '/page': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><p>Hello café</p></body></html>'),
    '/arabic': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1256' })
        .end(iconv.encode(`<html><body><p>${ARABIC}</p></body></html>`, 'windows-1256')),
    '/hang': () => {},
    '/stall': (_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The first half arrives, then nothing');
    },
    '/big': (_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent < 3 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 3 * 1024 * 1024) res.once('drain', push);
        else res.end();
      };
      push();
    },
    '/bomb': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(5 * 1024 * 1024, ' '))),
    '/gzipped': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync('<html><body><p>Compressed page</p></body></html>')),
    '/hop1': (_, res) => res.writeHead(301, { location: '/hop2' }).end(),
    '/hop2': (_, res) => res.writeHead(302, { location: '/page' }).end(),
    '/to-private': (_, res) => res.writeHead(302, { location: '/private/secret' }).end(),
    '/to-file': (_, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/image': (_, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  });
});
afterAll(() => server.close());

/** Runs `body` with a fetcher fast enough for tests, then closes it. */
async function withFetcher<T>(
  options: FetchOptions,
  body: (fetchPage: (url: string) => Promise<unknown>) => Promise<T>,
) {
  const fetcher = createFetcher({ allowPrivate: true, requestsPerSecond: 1000, ...options });
  try {
    return await body(fetcher.fetchPage);
  } finally {
    await fetcher.close();
  }
}

describe('createFetcher', () => {
  it('fetches a page with lede user agent and decodes it by its header charset', async () => {
    await withFetcher({}, async (fetchPage) => {
      const result = await fetchPage(`${server.origin}/arabic`);
      expect(result).toMatchObject({
        record: { mediaType: 'text/html', charset: 'windows-1256', charsetFrom: 'header' },
      });
      expect((result as { record: { content: string } }).record.content).toContain(ARABIC);
    });
    const page = server.requests.find((request) => request.path === '/arabic');
    expect(page?.userAgent).toBe(DEFAULT_FETCH_OPTIONS.userAgent);
  });

  it('refuses a loopback address unless private addresses are allowed', async () => {
    const fetcher = createFetcher();
    const result = await fetcher.fetchPage(`${server.origin}/page`);
    await fetcher.close();
    expect(result).toEqual({
      failure: {
        uri: `${server.origin}/page`,
        reason: 'refused: 127.0.0.1 is a loopback address (use --allow-private to allow)',
      },
    });
  });

  it.each([
    ['http://[::1]:9/', '::1', 'a loopback'],
    ['http://[::ffff:127.0.0.1]:9/', '::ffff:7f00:1', 'a loopback'],
    ['http://2130706433:9/', '127.0.0.1', 'a loopback'],
    ['http://0x7f.1:9/', '127.0.0.1', 'a loopback'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'a link-local'],
    ['http://100.64.1.1/', '100.64.1.1', 'a CGNAT (shared address space)'],
    ['http://0.0.0.0:9/', '0.0.0.0', 'an unspecified'],
  ])('refuses %s before connecting', async (url, address, kind) => {
    const fetcher = createFetcher();
    const result = await fetcher.fetchPage(url);
    await fetcher.close();
    expect(result).toEqual({
      failure: { uri: url, reason: `refused: ${address} is ${kind} address (use --allow-private to allow)` },
    });
  });

  it('checks the address a host name resolves to when connecting, not just literal IPs', async () => {
    const lookup: LookupFunction = (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const url = `http://news.example:${server.port}/page`;
    const refused = await withFetcher({ allowPrivate: false, lookup }, (fetchPage) => fetchPage(url));
    expect(refused).toEqual({
      failure: { uri: url, reason: 'refused: 127.0.0.1 is a loopback address (use --allow-private to allow)' },
    });
    const allowed = await withFetcher({ lookup }, (fetchPage) => fetchPage(url));
    expect(allowed).toMatchObject({ record: { content: expect.stringContaining('Hello café') } });
  });

  it('reports HTTP errors and unsupported content types by status and type', async () => {
    await withFetcher({}, async (fetchPage) => {
      expect(await fetchPage(`${server.origin}/missing`)).toMatchObject({ failure: { reason: 'HTTP 404' } });
      expect(await fetchPage(`${server.origin}/image`)).toMatchObject({
        failure: { reason: 'unsupported content type image/png' },
      });
    });
  });

  it('gives up on a silent server after the overall timeout', async () => {
    const started = performance.now();
    const result = await withFetcher({ timeoutMs: 300 }, (fetchPage) => fetchPage(`${server.origin}/hang`));
    expect(result).toMatchObject({ failure: { reason: 'timed out after 0.3 s' } });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('gives up on a body that stalls half way after the overall timeout', async () => {
    const result = await withFetcher({ timeoutMs: 300 }, (fetchPage) => fetchPage(`${server.origin}/stall`));
    expect(result).toMatchObject({ failure: { reason: 'timed out after 0.3 s' } });
  });

  it('aborts a streamed body or a compression bomb past the size cap', async () => {
    await withFetcher({ maxBytes: 1024 * 1024 }, async (fetchPage) => {
      expect(await fetchPage(`${server.origin}/big`)).toMatchObject({ failure: { reason: 'response over 1 MB cap' } });
      expect(await fetchPage(`${server.origin}/bomb`)).toMatchObject({ failure: { reason: 'response over 1 MB cap' } });
      expect(await fetchPage(`${server.origin}/gzipped`)).toMatchObject({
        record: { content: expect.stringContaining('Compressed page') },
      });
    });
  });

  it('follows redirects by hand and checks every hop', async () => {
    await withFetcher({ maxRedirects: 3 }, async (fetchPage) => {
      expect(await fetchPage(`${server.origin}/hop1`)).toMatchObject({
        record: { uri: `${server.origin}/hop1`, hints: { url: `${server.origin}/page` } },
      });
      expect(await fetchPage(`${server.origin}/to-private`)).toMatchObject({
        failure: { reason: `redirect to ${server.origin}/private/secret disallowed by robots.txt` },
      });
      expect(await fetchPage(`${server.origin}/to-file`)).toMatchObject({
        failure: { reason: 'unsupported URL scheme file: (only http and https)' },
      });
      expect(await fetchPage(`${server.origin}/loop`)).toMatchObject({
        failure: { reason: 'too many redirects (over 3)' },
      });
    });
  });

  it('honours robots.txt and fetches it once per host', async () => {
    const before = server.requests.filter((request) => request.path === '/robots.txt').length;
    await withFetcher({}, async (fetchPage) => {
      expect(await fetchPage(`${server.origin}/private/page`)).toMatchObject({
        failure: { reason: 'disallowed by robots.txt' },
      });
      expect(await fetchPage(`${server.origin}/page`)).toHaveProperty('record');
    });
    expect(server.requests.filter((request) => request.path === '/robots.txt').length - before).toBe(1);
  });

  it('spaces requests to one host by the rate limit', async () => {
    const first = server.requests.length;
    const started = performance.now();
    await withFetcher({ requestsPerSecond: 10 }, async (fetchPage) => {
      await Promise.all([1, 2, 3].map(() => fetchPage(`${server.origin}/page`)));
    });
    const elapsed = performance.now() - started;
    const times = server.requests.slice(first).map((request) => request.at);
    expect(times).toHaveLength(4); // robots.txt, then three pages, one slot of 100 ms each
    expect(elapsed).toBeGreaterThanOrEqual(295);
    // Arrival times jitter with connection set-up, so only the whole span is checked server-side.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(200);
  });
});
