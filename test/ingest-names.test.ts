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
});
