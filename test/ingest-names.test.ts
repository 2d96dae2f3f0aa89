import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lede } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede ingest prints input names safely', () => {
  it('shows control characters in a failing file name escaped, never raw', () => {
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'bad\x1b[2J\x1b[31mred\u202e.txt'), '');
    writeFileSync(join(inputs, 'good.txt'), 'A good article about the talks in Geneva.\n');
    const result = lede(['--db', join(dir, 'names.sqlite'), 'ingest', '--no-link', '--workers', '0', inputs]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(inputs, 'bad\\x1b[2J\\x1b[31mred\\u202e.txt')}: empty file\n`);
    expect(['\x1b', '\u202e'].filter((raw) => result.stderr.includes(raw))).toEqual([]);
    expect(result.stderr).toContain('1 ingested, 0 duplicates skipped, 1 failed');
  });

  it('shows a stored document with control characters from the page escaped in its fields', () => {
    const inputs = join(dir, 'show');
    mkdirSync(inputs);
    writeFileSync(
      join(inputs, 'page\x1b[31m.txt'),
      'Harbour\x1b[2J news\n\nThe port reopened on Monday, officials said.\n',
    );
    const db = join(dir, 'show.sqlite');
    expect(lede(['--db', db, 'ingest', '--no-link', '--workers', '0', inputs]).status).toBe(0);
    const id = JSON.parse(lede(['--db', db, 'search', 'port', '--json']).stdout).hits[0].id;
    const shown = lede(['--db', db, 'show', id]);
    expect(shown.stdout).toContain('headline   Harbour\\x1b[2J news');
    expect(shown.stdout).toContain('page\\x1b[31m.txt');
    expect(shown.stdout.split('\n\n')[0]).not.toContain('\x1b');
  });
});
