import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer, registeredRoutes } from './app.js';
import { createRequestGuard, hostName } from './request-guard.js';
import { makeTestDoc } from './test-corpus.js';

const TOKEN = 'guard-token-456';
let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-guard-'));
  store = openSqliteStore(join(dir, 'guard.sqlite'));
  await store.putDocuments([
    { doc: makeTestDoc('c'.repeat(64), 'Mara Quill spoke at the harbour.', { headline: 'Harbour' }) },
  ]);
  app = createServer({ store, token: TOKEN, boundHost: '127.0.0.1', webRoot: join(dir, 'no-web') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  body: string;
}

/** Sends the request target exactly as given (no normalisation by a client library). */
function send(method: string, target: string, headers: Record<string, string>, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path: target,
        agent: false,
        setHost: false,
        headers: { host: `127.0.0.1:${port}`, 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The spellings of one path that a router may treat as the same route while a string test would not. */
function targetForms(path: string): string[] {
  const concrete = path.replace(/:[a-z]+/gi, 'x');
  return [
    concrete,
    concrete.replace('/api/', '/%61pi/'),
    concrete.replace('/api/', '/%61%70%69/'),
    `/${concrete}`,
    concrete.replace('/api/', '//api//'),
    concrete.toUpperCase(),
    concrete.replace('/api/', '/Api/'),
    `${concrete}.`,
    `${concrete}/`,
    `${concrete}?x=/api/`,
    `http://127.0.0.1:${port}${concrete}`,
    `http://evil.example${concrete}`,
  ];
}

const FORGED = JSON.stringify({ into: 'x', from: 'y', files: [], urls: [] });

describe('writes without a valid token', () => {
  it('are refused on every registered write route, in every request-target form', async () => {
    const writes = registeredRoutes(app).filter((route) => route.method !== 'GET' && route.method !== 'HEAD');
    // The four write routes of today must all be in the list the test walks.
    expect(writes.map((route) => route.url)).toEqual(
      expect.arrayContaining(['/api/ingest', '/api/jobs/ingest', '/api/token', '/api/entities/merge']),
    );
    const before = (await store.stats()).documents;
    const accepted: string[] = [];
    for (const route of writes) {
      for (const target of targetForms(route.url)) {
        for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `bearer ${TOKEN} `]) {
          for (const contentType of ['text/plain', 'application/json']) {
            const headers: Record<string, string> = { 'content-type': contentType };
            if (authorization) headers.authorization = authorization;
            const answer = await send(
              route.method,
              target,
              headers,
              contentType === 'text/plain' ? 'Forged\n\nText' : FORGED,
            );
            if (answer.status < 400)
              accepted.push(`${route.method} ${target} ${authorization ?? '-'} → ${answer.status}`);
            else expect([401, 403, 404]).toContain(answer.status);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
    expect((await store.stats()).documents).toBe(before);
  });

  it('are refused for methods no route declares, before any body is read', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send(method, '/%61pi/ingest', { 'content-type': 'text/plain' }, 'Forged');
      expect(answer.status, method).toBe(401);
    }
  });
});

describe('writes with the token', () => {
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('are accepted from a same-origin page and from clients that are not browsers', async () => {
    expect((await send('POST', '/api/token', auth)).status).toBe(200);
    const sameOrigin = { ...auth, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' };
    expect((await send('POST', '/api/token', sameOrigin)).status).toBe(200);
  });

  it('are refused when a browser says another site sent them', async () => {
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const answer = await send('POST', '/api/token', { ...auth, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(answer.body).error.code).toBe('FORBIDDEN');
    }
  });
});

describe('the Host header', () => {
  it('must name this server, so a rebound DNS name cannot read the corpus', async () => {
    const foreign = await send('GET', '/api/stats', { host: 'evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toContain('--allow-host evil.example');
    expect((await send('GET', '/api/stats', { host: `localhost:${port}` })).status).toBe(200);
    expect((await send('GET', '/api/stats', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('accepts the names the user allows, a trailing dot included', async () => {
    const guard = createRequestGuard({ boundHost: '127.0.0.1', allowedHosts: ['news.example.org'] });
    expect(() => guard({ method: 'GET', headers: { host: 'News.Example.org.:443' } })).not.toThrow();
    expect(() => guard({ method: 'GET', headers: { host: 'other.example.org' } })).toThrow(/not a name of this server/);
    expect(() => guard({ method: 'GET', headers: {} })).toThrow(/no Host/);
  });

  it('on a wildcard address admits this machine’s addresses only', async () => {
    const guard = createRequestGuard({ boundHost: '0.0.0.0', token: TOKEN });
    expect(() => guard({ method: 'GET', headers: { host: '127.0.0.1:7878' } })).not.toThrow();
    expect(() => guard({ method: 'GET', headers: { host: 'rebound.example' } })).toThrow(/--allow-host/);
  });

  it('is read as a name without its port', async () => {
    expect(hostName('[::1]:7878')).toBe('::1');
    expect(hostName('::1')).toBe('::1');
    expect(hostName('LOCALHOST:80')).toBe('localhost');
    expect(hostName('example.org.')).toBe('example.org');
  });
});
