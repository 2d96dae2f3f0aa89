import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../src/eval/gold.js';
import { SEEDS_DIR, SHARED_DATA } from '../src/resources/index.js';
import { LEDE, lede } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an interrupted ingest', () => {
  it('commits whole batches only, and a rerun stores the rest with nothing doubled', async () => {
    const input = join(dir, 'many.jsonl');
    const total = 3000;
    const lines = Array.from({ length: total }, (_, i) =>
      JSON.stringify({
        id: `r${i}`,
        title: `Story ${i}`,
        text: `Paragraph one of story ${i}.\n\nParagraph two says ${i * 7}.`,
      }),
    );
    writeFileSync(input, `${lines.join('\n')}\n`);
    const db = join(dir, 'resume.sqlite');

    const child = spawn(process.execPath, [LEDE, '--db', db, 'ingest', input, '--batch', '100', '--json']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    // Interrupt once the first batch is committed, so the handler is installed and work is under way.
    await waitForDocuments(db);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const first = JSON.parse(stdout) as { ingested: number; interrupted: boolean };
    const stored = JSON.parse(lede(['--db', db, 'stats', '--json']).stdout).documents as number;
    expect(stored).toBe(first.ingested);
    expect(first.interrupted).toBe(true);
    expect(stored % 100).toBe(0);
    expect(stored).toBeLessThan(total);

    const rerun = JSON.parse(lede(['--db', db, 'ingest', input, '--json']).stdout);
    expect(rerun.ingested + rerun.duplicates).toBe(total);
    expect(rerun.duplicates).toBe(stored);
    expect(JSON.parse(lede(['--db', db, 'stats', '--json']).stdout).documents).toBe(total);
    // 3,000 documents analysed twice over: about 50 s alone on two cores, more when the machine is busy.
  }, 180_000);
});

/** The seed articles (one folder) and `count` BBC articles from `from` on (one JSONL file). */
function smallCorpus(name: string, from: number, count: number, withSeeds: boolean): { folder: string; total: number } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const seeds = withSeeds ? seedFiles() : [];
  for (const file of seeds) copyFileSync(join(SEEDS_DIR, file), join(folder, file));
  const bbc = gunzipSync(readFileSync(join(SHARED_DATA, 'news/bbc/bbc.jsonl.gz')))
    .toString('utf8')
    .split('\n');
  writeFileSync(join(folder, 'bbc.jsonl'), `${bbc.slice(from, from + count).join('\n')}\n`);
  return { folder, total: seeds.length + count };
}

interface Probe {
  documents: number;
  linked: number;
  pendingLink: boolean;
  integrity: string;
  corpusState: string[];
  /** Whether some process holds the write lock (ingest storing a batch, or linking). */
  writeLocked: boolean;
}

function probe(db: string): Probe {
  const conn = new Database(db, { fileMustExist: true, timeout: 0 });
  try {
    const count = (sql: string) => conn.prepare(sql).pluck().get() as number;
    let writeLocked = false;
    try {
      conn.exec('BEGIN IMMEDIATE');
      conn.exec('ROLLBACK');
    } catch {
      writeLocked = true;
    }
    return {
      documents: count('SELECT count(*) FROM documents'),
      linked: count('SELECT count(*) FROM doc_links'),
      pendingLink: count('SELECT count(*) FROM pending_link') > 0,
      integrity: conn.pragma('integrity_check', { simple: true }) as string,
      corpusState: conn.prepare('SELECT name FROM corpus_state ORDER BY name').pluck().all() as string[],
      writeLocked,
    };
  } finally {
    conn.close();
  }
}

function start(args: string[]): { child: ChildProcessWithoutNullStreams; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [LEDE, ...args], { env: { ...process.env, CI: '1' } });
  return { child, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** Polls the database until `ready` holds, then kills the process without a chance to clean up. */
async function killWhen(db: string, args: string[], ready: (probe: Probe) => boolean): Promise<void> {
  const { child, exit } = start(args);
  for (let attempt = 0; attempt < 2000; attempt++) {
    let state: Probe | undefined;
    try {
      state = probe(db);
    } catch {
      // not created yet, or mid-migration
    }
    if (state && ready(state)) {
      child.kill('SIGKILL');
      await exit;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`lede ${args.join(' ')} never reached the moment to kill it`);
}

describe('an ingest killed with SIGKILL', () => {
  it('at any moment, linking included, ends complete and linked when the same command runs again', async () => {
    const { folder, total } = smallCorpus('killed', 0, 35, true);
    const db = join(dir, 'killed.sqlite');
    const args = ['--db', db, 'ingest', folder, '--batch', '10', '--workers', '0', '--json'];

    await killWhen(db, args, (state) => state.documents > 0);
    const early = probe(db);
    expect(early).toMatchObject({ integrity: 'ok', linked: 0, pendingLink: true });
    expect(early.documents % 10).toBe(0);
    expect(early.documents).toBeLessThan(total);

    // Everything stored and the write lock held: only linking holds it then.
    await killWhen(db, args, (state) => state.documents === total && state.writeLocked);
    expect(probe(db)).toMatchObject({
      integrity: 'ok',
      documents: total,
      linked: 0,
      pendingLink: true,
      corpusState: [],
    });

    const rerun = lede(args);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ ingested: 0, duplicates: total, failed: 0 });
    const done = probe(db);
    expect(done).toMatchObject({ integrity: 'ok', documents: total, linked: total, pendingLink: false });
    expect(done.corpusState).toEqual(
      expect.arrayContaining(['claims', 'duplicates', 'identities', 'linking', 'stories', 'timeline']),
    );
    const stories = JSON.parse(lede(['--db', db, 'stories', '--json']).stdout).stories as { members: string[] }[];
    expect(stories.reduce((sum, story) => sum + story.members.length, 0)).toBe(total);

    // A relink killed half-way keeps the links it would have replaced.
    await killWhen(db, ['--db', db, 'link', '--rebuild'], (state) => state.writeLocked);
    expect(probe(db)).toMatchObject({ integrity: 'ok', documents: total, linked: total, pendingLink: false });
    expect(JSON.parse(lede(['--db', db, 'stories', '--json']).stdout).stories).toEqual(stories);
  }, 120_000);
});

describe('two ingests on one database at once', () => {
  it('store both batches and link them all, neither dying on a locked database', async () => {
    const first = smallCorpus('first', 100, 20, false);
    const second = smallCorpus('second', 120, 20, false);
    const db = join(dir, 'concurrent.sqlite');
    const runs = [first, second].map(({ folder }) =>
      start(['--db', db, 'ingest', folder, '--batch', '5', '--workers', '0', '--json']),
    );
    const outputs = runs.map(({ child }) => {
      const out = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => {
        out.stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        out.stderr += chunk.toString();
      });
      return out;
    });
    const codes = await Promise.all(runs.map(({ exit }) => exit));
    expect(codes, outputs.map((out) => out.stderr).join('\n')).toEqual([0, 0]);
    expect(outputs.map((out) => JSON.parse(out.stdout).ingested)).toEqual([20, 20]);
    expect(probe(db)).toMatchObject({ integrity: 'ok', documents: 40, linked: 40, pendingLink: false });
  }, 120_000);

  it('a batch waits, saying so, while another process writes', async () => {
    const { folder } = smallCorpus('waiting', 140, 5, false);
    const db = join(dir, 'waiting.sqlite');
    // An empty, migrated database to hold the lock on (read commands refuse one that does not exist).
    expect(lede(['--db', db, 'link']).status).toBe(0);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const { child, exit } = start(['--db', db, 'ingest', folder, '--workers', '0', '--json']);
    let stderr = '';
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(`waiting for another lede process writing ${db}`)) resolve();
      }),
    );
    await waiting;
    holder.exec('COMMIT');
    holder.close();
    expect(await exit).toBe(0);
    expect(probe(db)).toMatchObject({ documents: 5, linked: 5, pendingLink: false });
  });
});

async function waitForDocuments(db: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      const count = conn.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      conn.close();
      if (count > 0) return;
    } catch {
      // not created yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('ingest never committed a batch');
}
