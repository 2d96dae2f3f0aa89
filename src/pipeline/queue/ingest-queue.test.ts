import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { readSeed, seedFiles } from '../../eval/gold.js';
import { openStore, type Store } from '../../store/index.js';
import { createTestDatabase, type TestDatabase } from '../../store/postgres/test-database.js';
import type { Pipeline } from '../run.js';
import { IngestQueue } from './ingest-queue.js';
import { enqueueInputs, runWorker } from './queued-ingest.js';

const context = { maxDocumentBytes: 1e7 };
const dir = mkdtempSync(join(tmpdir(), 'lede-queue-'));
const seeds = join(dir, 'seeds');
let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  mkdirSync(seeds);
  for (const file of seedFiles()) writeFileSync(join(seeds, file), readSeed(file));
  database = await createTestDatabase();
  store = await openStore(database.url);
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A pipeline that only cleans, and fails on records that ask for it: the queue's mechanics, fast. */
const cleanOnly = (poison = 'POISON'): Pipeline => ({
  stages: [],
  run(doc) {
    if (doc.text.includes(poison)) throw new Error('this record breaks the analysis');
    return doc;
  },
  refresh: (doc) => doc,
});

describe('the ingest queue on PostgreSQL', () => {
  it('queues the seed articles, and a worker stores and links them; queuing them again queues nothing', async () => {
    const queue = await IngestQueue.open(database.url, { jobTimeoutSeconds: 60 });
    try {
      const queued = await enqueueInputs(store, queue, [seeds], { context });
      expect(queued).toMatchObject({ queued: 5, known: 0, failed: 0 });
      expect(await queue.counts()).toMatchObject({ queued: 5, running: 0, done: 0, failed: 0 });
      const worked = await runWorker(store, queue, { untilEmpty: true, pollMs: 50 });
      expect(worked).toMatchObject({ stored: 5, duplicates: 0, failed: 0, linked: 1 });
      expect(await store.countDocuments()).toBe(5);
      expect(await store.pendingLink()).toBeUndefined();
      // The seeds' first two articles are versions of one story (eval seeds): linking ran on the stored corpus.
      const ids = (await store.listDocuments({ limit: 10 })).map((doc) => doc.id);
      const links = await Promise.all(ids.map((id) => store.getDocLink(id)));
      expect(links.filter((link) => link?.duplicateGroup !== undefined)).toHaveLength(2);
      const counts = await queue.counts();
      expect(counts).toMatchObject({ queued: 0, running: 0, done: 5, failed: 0, recent: 5, etaSeconds: 0 });
      // The rate is taken over the seconds the run took, not spread over the whole five-minute window.
      expect(counts.window).toBeLessThan(60);
      expect(counts.perSecond).toBeCloseTo(5 / counts.window);
      expect(await enqueueInputs(store, queue, [seeds], { context })).toMatchObject({ queued: 0, known: 5 });
    } finally {
      await queue.close();
    }
  });

  it('hands out again the jobs of a worker that died holding them, and stores nothing twice', async () => {
    const queue = await IngestQueue.open(database.url, { jobTimeoutSeconds: 1 });
    try {
      const texts = ['First report of the harbour fire.', 'Second report of the harbour fire, later.'];
      const folder = join(dir, 'crash');
      mkdirSync(folder);
      for (const [index, text] of texts.entries())
        writeFileSync(join(folder, `${index}.txt`), `Harbour fire\n\n${text}`);
      await enqueueInputs(store, queue, [folder], { context });
      // A worker takes both jobs, stores one document, and is killed before it marks anything done.
      const taken = await queue.take(10);
      expect(taken).toHaveLength(2);
      const first = taken[0]?.record;
      if (!first) throw new Error('no job');
      await store.putDocuments([{ doc: cleanRecord(first) }]);
      expect(await queue.counts()).toMatchObject({ running: 2 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const worked = await runWorker(store, queue, { untilEmpty: true, pollMs: 50, pipeline: cleanOnly() });
      // The lost jobs are taken back before linking, so the corpus is linked once, after both are stored.
      expect(worked).toMatchObject({ stored: 1, duplicates: 1, failed: 0, linked: 1 });
      expect(await store.countDocuments()).toBe(7);
      expect(await queue.counts()).toMatchObject({ queued: 0, running: 0, failed: 0 });
    } finally {
      await queue.close();
    }
  });

  it('ends a record that keeps failing as a failed job with its reason, after its retries', async () => {
    const queue = await IngestQueue.open(database.url, { jobTimeoutSeconds: 60, retryLimit: 2 });
    try {
      const folder = join(dir, 'poison');
      mkdirSync(folder);
      writeFileSync(join(folder, 'bad.txt'), 'Bad page\n\nThis POISON page breaks the analysis every time.');
      writeFileSync(join(folder, 'good.txt'), 'Good page\n\nThis page about the harbour opening is fine.');
      await enqueueInputs(store, queue, [folder], { context });
      const worked = await runWorker(store, queue, { untilEmpty: true, pollMs: 50, pipeline: cleanOnly() });
      // One try and two retries, then no more.
      expect(worked).toMatchObject({ stored: 1, failed: 3 });
      expect(await queue.counts()).toMatchObject({ queued: 0, running: 0, failed: 1 });
      const [failure] = await queue.failures();
      expect(failure?.uri).toMatch(/bad\.txt$/);
      expect(failure?.reason).toMatch(/could not be processed: this record breaks the analysis/);
    } finally {
      await queue.close();
    }
  });
});
