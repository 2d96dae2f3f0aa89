import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestQueue, runWorker } from '../pipeline/index.js';
import { openSqliteStore, openStore, type Store } from '../store/index.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres/test-database.js';
import { createServer } from './app.js';
import { JobSchema, QueueSchema } from './schemas.js';

const TOKEN = 'queue-token-321';
const auth = { authorization: `Bearer ${TOKEN}` };
const base64 = (text: string) => Buffer.from(text).toString('base64');
const STORY = 'Ferry fares rise again\n\nFerry fares will rise by five percent, the operator said on Monday.\n';
const WIRE = [
  JSON.stringify({ id: 'wire-1', title: 'Harbour cranes idle', text: 'The harbour cranes stood idle on Tuesday.' }),
  JSON.stringify({ id: 'wire-2', title: 'Pilots return', text: 'Harbour pilots returned to work on Wednesday.' }),
  '{"id": "wire-3", "text": ',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'lede-queue-route-'));
let database: TestDatabase;
let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openStore(database.url);
  app = createServer({ store, token: TOKEN, webRoot: join(dir, 'no-web'), readers: false, queueIngest: true });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function finished(id: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const job = JobSchema.parse((await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json());
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

const queueState = async () => QueueSchema.parse((await app.inject({ method: 'GET', url: '/api/queue' })).json());

describe('a server on PostgreSQL with --queue', () => {
  it('queues uploaded records for the workers and reports the queue they drain', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest',
      headers: auth,
      payload: {
        files: [
          { name: 'story.txt', base64: base64(STORY) },
          { name: 'wire.jsonl', base64: base64(WIRE) },
        ],
      },
    });
    expect(started.statusCode).toBe(202);
    const job = await finished(JobSchema.parse(started.json()).id);
    expect(job).toMatchObject({ state: 'done', queued: 3, ingested: 0, duplicates: 0, failed: 1 });
    expect(job.failures[0]?.uri).toMatch(/^upload:wire\.jsonl/);
    expect(await queueState()).toMatchObject({ available: true, queued: 3, running: 0, done: 0, failed: 0 });

    const queue = await IngestQueue.open(database.url);
    try {
      expect(await runWorker(store, queue, { untilEmpty: true, pollMs: 50 })).toMatchObject({ stored: 3, failed: 0 });
    } finally {
      await queue.close();
    }
    const after = await queueState();
    expect(after).toMatchObject({ queued: 0, running: 0, done: 3, failed: 0, etaSeconds: 0 });
    expect(after.perMinute).toBeGreaterThan(0);
    // The uploads keep the names their client gave them, as an ingest in the server's process does.
    const uris = (await store.listDocuments({})).map((doc) => doc.uri).sort();
    expect(uris).toEqual(['upload:story.txt', 'upload:wire.jsonl#wire-1', 'upload:wire.jsonl#wire-2']);
  });
});

describe('a server on SQLite', () => {
  it('says it has no queue', async () => {
    const local = openSqliteStore(join(dir, 'local.sqlite'));
    const server = createServer({ store: local, token: TOKEN, webRoot: join(dir, 'no-web'), readers: false });
    try {
      const response = await server.inject({ method: 'GET', url: '/api/queue' });
      expect(response.statusCode).toBe(200);
      expect(QueueSchema.parse(response.json())).toMatchObject({ available: false, queued: 0, failures: [] });
    } finally {
      await server.close();
      await local.close();
    }
  });
});
