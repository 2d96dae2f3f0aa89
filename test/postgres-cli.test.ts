import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../src/eval/gold.js';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.js';
import { LEDE, lede } from './cli.js';
import { writeHarbourReports } from './harbour-reports.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-pg-cli-'));
const databases: TestDatabase[] = [];
const fresh = async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
};
beforeAll(() => {
  mkdirSync(join(dir, 'seeds'));
  for (const file of seedFiles()) writeFileSync(join(dir, 'seeds', file), readSeed(file));
});
afterAll(async () => {
  for (const database of databases) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const json = (args: string[]) => {
  const result = lede(args);
  if (result.status !== 0) throw new Error(`lede ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
};

describe('lede on a PostgreSQL store, through the real CLI', () => {
  it('ingests and links the seeds as SQLite does: same versions, stories, claims and search results', async () => {
    const db = await fresh();
    const sqlite = join(dir, 'seeds.sqlite');
    for (const store of [db, sqlite]) {
      expect(json(['--db', store, 'ingest', join(dir, 'seeds'), '--json'])).toMatchObject({ ingested: 5, failed: 0 });
    }
    expect(json(['--db', db, 'stats', '--json'])).toMatchObject({ documents: 5 });
    for (const args of [['duplicates'], ['stories'], ['claims'], ['timeline', '--limit', '20'], ['quotes']]) {
      const [onPostgres, onSqlite] = [db, sqlite].map((store) => lede(['--db', store, ...args]));
      expect(onPostgres?.status).toBe(0);
      expect(onPostgres?.stdout).toBe(onSqlite?.stdout);
    }
    // The same documents found; scores differ (ts_rank against BM25), so the order may too.
    const ids = (store: string) =>
      (json(['--db', store, 'search', 'Kaabi', '--json']).hits as { id: string }[]).map((hit) => hit.id).sort();
    expect(ids(db).length).toBeGreaterThan(0);
    expect(ids(db)).toEqual(ids(sqlite));
  });

  it('queues inputs for workers; a worker killed mid-run loses and doubles nothing', async () => {
    const db = await fresh();
    const input = join(dir, 'many.jsonl');
    writeHarbourReports(input, 40);
    const queued = json(['--db', db, 'ingest', input, join(dir, 'seeds'), '--queue', '--job-timeout', '2', '--json']);
    expect(queued).toMatchObject({ queued: 45, known: 0, failed: 0 });
    expect(json(['--db', db, 'jobs', '--json'])).toMatchObject({ queued: 45, running: 0, done: 0, failed: 0 });

    // A worker is killed without warning once it is at work: whatever it held goes back to the queue.
    const doomed = spawn(process.execPath, [LEDE, '--db', db, 'worker'], {
      env: { ...process.env, CI: '1' },
    });
    await new Promise<void>((resolve) => {
      doomed.stderr.on('data', (chunk: Buffer) => {
        if (/stored/.test(chunk.toString())) resolve();
      });
      doomed.on('exit', () => resolve());
    });
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.on('exit', resolve));

    const second = lede(['--db', db, 'worker', '--until-empty']);
    expect(second.status).toBe(0);
    expect(json(['--db', db, 'stats', '--json'])).toMatchObject({ documents: 45 });
    expect(json(['--db', db, 'jobs', '--json'])).toMatchObject({ queued: 0, running: 0, done: 45, failed: 0 });
    // Queuing the same inputs again queues nothing: they are stored.
    expect(json(['--db', db, 'ingest', input, '--queue', '--json'])).toMatchObject({ queued: 0, known: 40 });
  });

  it('refuses the queue commands on a SQLite store, saying what they need', () => {
    const result = lede(['--db', join(dir, 'local.sqlite'), 'worker']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PostgreSQL store shared by several machines/);
  });
});
