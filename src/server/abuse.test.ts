import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import { DocumentSchema, IngestResultSchema, SearchPageSchema } from './schemas.js';
import { makeTestDoc, strikeArticles } from './test-corpus.js';

/** The real server on a loopback port, probed as an attacker would: odd queries, stalled exports, uploads. */
const TOKEN = 'abuse-token';
let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-abuse-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  await store.putDocuments(strikeArticles().map((doc) => ({ doc })));
  // Enough text (over 30 MB of JSONL) that an export outgrows the socket buffers, so a client that
  // reads nothing stalls it.
  const filler = 'The harbour board met again on Tuesday to discuss the dispute and the pay offer. '.repeat(1200);
  await store.putDocuments(
    Array.from({ length: 300 }, (_, n) => ({
      doc: makeTestDoc(`f${String(n).padStart(31, '0')}`, `${filler} Edition ${n}.`, { headline: `Bulletin ${n}` }),
    })),
  );
  app = createServer({ store, token: TOKEN, webRoot: join(dir, 'no-web'), exportStallMs: 1_000 });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const getJson = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
};

/**
 * A client that asks for an export, takes the first bytes (so the export is running) and reads
 * nothing more. A paused socket does not see the server closing it until it reads again.
 */
function stalledExport(server = base): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(server).port) }, () => {
      socket.write('GET /api/export HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    });
    socket.once('data', () => {
      socket.pause();
      resolve(socket);
    });
    socket.on('error', () => {});
  });
}

/** Reads what is left: ends soon if the server closed the connection, else only when the whole export is in. */
function drainedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });
}

describe('a server under hostile requests', () => {
  it('answers pathological and malformed searches with 400 and the reason, quickly', async () => {
    const letters = 'abcdefghijklmnopqrstuvw'.split('').map((letter) => `${letter}*`);
    const started = performance.now();
    const prefixes = await getJson(`/api/search?q=${encodeURIComponent(letters.join(' OR '))}`);
    expect(prefixes.status).toBe(400);
    expect(prefixes.body.error.message).toContain('the prefix a* is too short: a prefix needs at least 3 letters');
    expect(performance.now() - started).toBeLessThan(10_000);
    for (const [query, reason] of [
      ['a OR OR b', 'OR OR: two operators in a row'],
      ['a OR NOT b', 'OR NOT: two operators in a row'],
      ['a NOT NOT b', 'NOT NOT: two operators in a row'],
      ['a AND OR b', 'AND OR: two operators in a row'],
    ]) {
      const answer = await getJson(`/api/search?q=${encodeURIComponent(query as string)}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.message).toContain(reason);
    }
    const plain = await getJson('/api/search?q=strike');
    expect(SearchPageSchema.parse(plain.body).total).toBe(3);
  });

  it('keeps answering searches and document reads while an export is stalled, and ends the stalled export', async () => {
    const client = await stalledExport();
    const search = await getJson('/api/search?q=strike');
    expect(search.status).toBe(200);
    expect(SearchPageSchema.parse(search.body).total).toBe(3);
    const list = await getJson('/api/documents?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.documents).toHaveLength(2);
    // The server gives up on the client after exportStallMs (1 s) without progress and closes the
    // connection: reading again finds the end. Had the export been kept, the whole 30 MB would
    // come and a kept-alive connection stay open.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await drainedWithin(client, 5_000)).toBe(true);
  });

  it('frees an export when its client leaves: four abandoned exports do not block a fifth', async () => {
    const patient = createServer({ store, webRoot: join(dir, 'no-web'), exportStallMs: 60_000, readers: false });
    const server = await patient.listen({ host: '127.0.0.1', port: 0 });
    try {
      const clients = await Promise.all([1, 2, 3, 4].map(() => stalledExport(server)));
      const refused = await fetch(`${server}/api/export`);
      expect(refused.status).toBe(503);
      expect((await refused.json()).error.message).toBe(
        '4 exports are already running; try again when one has finished',
      );
      for (const client of clients) client.destroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const full = await fetch(`${server}/api/export?format=csv`);
      expect(full.status).toBe(200);
      expect(full.headers.get('x-lede-documents')).toBe('303');
      const rows = (await full.text()).trim().split('\n');
      expect(rows.filter((row) => row.includes('Bulletin')).length).toBe(300);
    } finally {
      await patient.close();
    }
  });

  it('stores an upload as upload:<name> and answers searches while it is ingested and linked', async () => {
    const upload = fetch(`${base}/api/ingest?name=ferry.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: 'Ferry fares rise again\n\nFerry fares will rise by five percent, the operator said on Monday.\n',
    });
    let answeredDuringUpload = 0;
    let settled = false;
    void upload.finally(() => {
      settled = true;
    });
    while (!settled) {
      const started = performance.now();
      expect((await getJson('/api/search?q=strike')).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2_000);
      // Counted only when the upload was still running as the answer came: the server was not blocked.
      if (!settled) answeredDuringUpload++;
    }
    const result = IngestResultSchema.parse(await (await upload).json());
    expect(result.ingested).toBe(1);
    expect(answeredDuringUpload).toBeGreaterThan(0);
    const doc = DocumentSchema.parse((await getJson(`/api/documents/${result.ids[0]}`)).body);
    expect(doc.source.uri).toBe('upload:ferry.txt');
    // The ingest process starts, loads the pipeline under tsx and relinks at low priority: slow on a busy machine.
  }, 180_000);
});
