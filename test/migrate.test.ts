import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../src/eval/gold.js';
import { openStore } from '../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.js';
import { LEDE, lede } from './cli.js';
import { writeHarbourReports } from './harbour-reports.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-migrate-'));
const sqlite = join(dir, 'seeds.sqlite');
const databases: TestDatabase[] = [];
const fresh = async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
};
/** The same URL with a password, which no message may print (the local server trusts, so it is not checked). */
const withPassword = (url: string) => url.replace('postgres://postgres@', 'postgres://postgres:hunter2@');

const run = (args: string[]) => {
  const result = lede(args);
  if (result.status !== 0) throw new Error(`lede ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
};
const json = (args: string[]) => JSON.parse(run(args));

/** The corpus views the migrated store must print exactly as the source does. */
const VIEWS = [['duplicates'], ['stories'], ['claims'], ['quotes'], ['timeline', '--limit', '50'], ['entities']];

function expectSameViews(source: string, target: string): void {
  for (const args of VIEWS) {
    expect(run(['--db', target, ...args]), args.join(' ')).toBe(run(['--db', source, ...args]));
  }
}

beforeAll(() => {
  mkdirSync(join(dir, 'seeds'));
  for (const file of seedFiles()) writeFileSync(join(dir, 'seeds', file), readSeed(file));
  // One input that fails, so the source has a failure to carry over.
  writeFileSync(join(dir, 'seeds', 'empty.txt'), '');
  expect(lede(['--db', sqlite, 'ingest', join(dir, 'seeds'), '--json']).status).toBe(1);
  // A curator's decision, which linking the target must apply again.
  run(['--db', sqlite, 'entities', 'merge', 'Iraqi Resistance Coordination Commission', 'Harakat Hezbollah al-Nujaba']);
}, 120_000);
afterAll(async () => {
  for (const database of databases) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('lede migrate, SQLite to PostgreSQL through the real CLI', () => {
  it('copies every document whole with its versions, originals, failures and curation, and links the target', async () => {
    const target = await fresh();
    const summary = json(['migrate', '--from', sqlite, '--to', withPassword(target), '--json']);
    expect(summary).toMatchObject({ documents: 5, copied: 5, duplicates: 0, failures: 1, curation: 1 });
    expect(summary.to).toContain('postgres:***@');
    expect(JSON.stringify(summary)).not.toContain('hunter2');
    expect(summary.link).toMatchObject({ documents: 5, stories: 4 });

    expectSameViews(sqlite, target);
    // The merge made on SQLite holds on PostgreSQL: one identity under the name kept, the other an alias.
    expect(run(['--db', target, 'entities'])).toMatch(
      /Iraqi Resistance Coordination Commission\s+\(.*Harakat Hezbollah al-Nujaba/,
    );

    const source = await openStore(sqlite, { readonly: true });
    const copy = await openStore(target, { readonly: true });
    try {
      const ids: string[] = [];
      for await (const doc of source.iterateDocuments()) ids.push(doc.id);
      const copiedIds: string[] = [];
      for await (const doc of copy.iterateDocuments()) copiedIds.push(doc.id);
      expect(copiedIds).toEqual(ids);
      for (const id of ids) {
        // `seq` is the target's own numbering (the same order; here the same numbers, as it started empty).
        const { seq: _a, ...before } = json(['--db', sqlite, 'show', id, '--json']);
        const { seq: _b, ...after } = json(['--db', target, 'show', id, '--json']);
        expect(after).toEqual(before);
        expect(await copy.getOriginal(id)).toEqual(await source.getOriginal(id));
        expect(await copy.outputVersions(id)).toEqual(await source.outputVersions(id));
      }
      expect(await copy.listFailures()).toEqual(await source.listFailures());
      const decisions = (store: typeof source) =>
        store.listCuration().then((rows) => rows.map(({ decision, at }) => ({ decision, at })));
      expect(await decisions(copy)).toEqual(await decisions(source));
    } finally {
      await source.close();
      await copy.close();
    }
    // Every output was copied with the stage version that made it: nothing is stale on the target.
    expect(json(['--db', target, 'reprocess', '--json'])).toEqual({ seen: 5, changed: 0 });
  }, 180_000);

  it('refuses a target that holds documents, a source that does not exist, and one store as both', async () => {
    const target = withPassword(await fresh());
    run(['migrate', '--from', sqlite, '--to', target]);

    const again = lede(['migrate', '--from', sqlite, '--to', target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/postgres:\*\*\*@.* already holds 5 documents: --append/);
    expect(again.stderr).not.toContain('hunter2');

    const missing = join(dir, 'missing.sqlite');
    const noSource = lede(['migrate', '--from', missing, '--to', target, '--append']);
    expect(noSource.status).toBe(2);
    expect(noSource.stderr).toContain(`no database at ${missing} (--from)`);
    expect(existsSync(missing)).toBe(false);

    expect(lede(['migrate', '--from', sqlite, '--to', sqlite]).status).toBe(2);

    // --append into the same target: everything is there already, nothing is doubled.
    expect(json(['migrate', '--from', sqlite, '--to', target, '--append', '--json'])).toMatchObject({
      copied: 0,
      duplicates: 5,
      failures: 0,
      curation: 0,
    });
    expect(json(['--db', target, 'stats', '--json'])).toMatchObject({ documents: 5, failures: 1 });
  }, 180_000);

  it('finishes a migration killed midway when run again with --append, doubling nothing', async () => {
    const bigger = join(dir, 'bigger.sqlite');
    const input = join(dir, 'many.jsonl');
    writeHarbourReports(input, 40);
    expect(json(['--db', bigger, 'ingest', input, join(dir, 'seeds', seedFiles()[0] ?? ''), '--json'])).toMatchObject({
      ingested: 41,
    });
    const target = await fresh();

    // One document per transaction, killed without warning once some are committed.
    const doomed = spawn(process.execPath, [LEDE, 'migrate', '--from', bigger, '--to', target, '--batch', '1'], {
      env: { ...process.env, CI: '1' },
    });
    let finished = false;
    const exited = new Promise((resolve) => doomed.on('exit', resolve)).then(() => {
      finished = true;
    });
    const stored = await waitForDocuments(target, 3, () => finished);
    doomed.kill('SIGKILL');
    await exited;
    const copiedBeforeKill = await countDocuments(target);
    expect(stored).toBeGreaterThanOrEqual(3);
    expect(copiedBeforeKill).toBeLessThan(41);

    expect(lede(['migrate', '--from', bigger, '--to', target]).status).toBe(2);
    expect(json(['migrate', '--from', bigger, '--to', target, '--append', '--json'])).toMatchObject({
      documents: 41,
      copied: 41 - copiedBeforeKill,
      duplicates: copiedBeforeKill,
    });
    expect(json(['--db', target, 'stats', '--json'])).toMatchObject({ documents: 41 });
    expectSameViews(bigger, target);
  }, 180_000);
});

async function countDocuments(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    return result.rows[0]?.n ?? 0;
  } catch (error) {
    // Before the migration has created its tables.
    if ((error as { code?: string }).code === '42P01') return 0;
    throw error;
  } finally {
    await client.end();
  }
}

/** Polls the target until it holds at least `count` documents (committed by the migration), or `done` says stop. */
async function waitForDocuments(url: string, count: number, done: () => boolean): Promise<number> {
  for (;;) {
    const held = await countDocuments(url);
    if (held >= count || done()) return held;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
