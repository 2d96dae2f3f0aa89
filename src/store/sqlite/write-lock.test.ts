import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { type Doc, defineCorpusState } from '../../model/index.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './open-store.js';

const makeDoc = (uri: string, content: string): Doc => cleanRecord({ uri, content, mediaType: 'text/plain' });
const ARTICLE = 'Central bank holds rates\n\nThe central bank kept rates unchanged, officials said on Monday.';

/**
 * Another process holding the write lock for `ms` (a thread of this one could not: the wait for
 * the lock blocks this thread). It commits a write of its own: a transaction that had read before
 * then failed at once (SQLITE_BUSY_SNAPSHOT) instead of waiting. Resolves once the lock is taken.
 */
async function holdWriteLock(db: string, ms: number): Promise<{ exited: Promise<void> }> {
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const D = require(${JSON.stringify(betterSqlite)}); const db = new D(${JSON.stringify(db)});
    db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
    db.prepare("INSERT INTO failures (uri, reason, at) VALUES ('holder', 'a write of its own', '')").run();
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script]);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return { exited };
}

const STORIES_KEY = defineCorpusState<unknown[]>('stories');

describe('the write lock', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lede-lock-'));
    path = join(dir, 'db.sqlite');
    await openSqliteStore(path).close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a batch wait for another process writing, announcing the wait once, then stores it', async () => {
    const waits: string[] = [];
    const store = openSqliteStore(path, { onWait: (location) => waits.push(location) });
    const { exited } = await holdWriteLock(path, 1500);
    const doc = makeDoc('a.txt', ARTICLE);
    const outcomes = await store.putDocuments([{ doc }]);
    // The announced wait shows the batch met the lock held; how long it waited depends on the load.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['inserted']);
    expect(waits).toEqual([path]);
    expect(await store.countDocuments()).toBe(1);
    expect((await store.stats()).failures).toBe(1);
    await store.close();
    await exited;
  });

  it('gives up after its wait with an error naming the database', async () => {
    const store = openSqliteStore(path, { waitMs: 300 });
    const { exited } = await holdWriteLock(path, 2000);
    await expect(store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE) }])).rejects.toThrow(
      `${path}: another process kept writing for 0 s`,
    );
    expect(await store.countDocuments()).toBe(0);
    await store.close();
    await exited;
  });
});

describe('the link-needed mark', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lede-mark-'));
    store = openSqliteStore(join(dir, 'db.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is set by a batch that stores a document, not by one of duplicates, and asks for a rebuild after a rewrite', async () => {
    expect(await store.pendingLink()).toBeUndefined();
    const doc = makeDoc('a.txt', ARTICLE);
    await store.putDocuments([{ doc }]);
    expect(await store.pendingLink()).toMatchObject({ rebuild: false });
    await store.clearPendingLink();
    await store.putDocuments([{ doc }]);
    expect(await store.pendingLink()).toBeUndefined();
    await store.replaceDocument(doc);
    expect(await store.pendingLink()).toMatchObject({ rebuild: true });
  });

  it('is set on upgrade when a store from before it holds unlinked documents (a crash during linking)', async () => {
    const path = store.location;
    await store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE) }, { doc: makeDoc('b.txt', `${ARTICLE} Again.`) }]);
    const [linkedId] = (await store.listDocuments({})).map((doc) => doc.id);
    await store.putDocLinks([{ id: linkedId as string, story: 'story-1' }]);
    await store.close();
    const rollBack = () => {
      const db = new Database(path);
      db.exec(
        `DROP TABLE pending_link; DROP TABLE meta_versions; ALTER TABLE documents DROP COLUMN cjk;
         DROP TABLE story_entities; DROP TABLE doc_facts; DROP TABLE story_terms; DROP TABLE story_df;
         DROP TABLE story_members; DROP TABLE version_keys; DROP TABLE version_exact; DROP INDEX doc_links_story_day; ALTER TABLE doc_links DROP COLUMN day;
         CREATE INDEX doc_links_story ON doc_links(story);`,
      );
      db.pragma('user_version = 4');
      db.close();
    };
    rollBack();
    store = openSqliteStore(path);
    expect(await store.pendingLink()).toMatchObject({ rebuild: false });

    await store.putDocLinks((await store.listDocuments({})).map((doc) => ({ id: doc.id, story: 'story-1' })));
    await store.close();
    rollBack();
    store = openSqliteStore(path);
    expect(await store.pendingLink()).toBeUndefined();
  });

  it('stays set when the exclusive write that would clear it fails, and nothing of that write is kept', async () => {
    await store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE) }]);
    const failing = store.writeExclusively(async () => {
      await store.putCorpusState(STORIES_KEY, []);
      await Promise.resolve();
      await store.clearPendingLink();
      throw new Error('crashed while linking');
    });
    await expect(failing).rejects.toThrow('crashed while linking');
    expect(await store.pendingLink()).toMatchObject({ rebuild: false });
    expect(await store.getCorpusState(STORIES_KEY)).toBeUndefined();
  });
});
