import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
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
