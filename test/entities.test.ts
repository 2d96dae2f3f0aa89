import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../src/eval/gold.js';
import { SEEDS_DIR } from '../src/resources/index.js';
import { lede } from './cli.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-entities-'));
  db = join(dir, 'lede.sqlite');
  // The seed folder also holds gold.json, which is not an article.
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const file of seedFiles()) copyFileSync(join(SEEDS_DIR, file), join(seeds, file));
  const ingest = lede(['--db', db, 'ingest', seeds, '--workers', '0', '--json']);
  expect(ingest.status, ingest.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  name: string;
  type: string;
  mentions: number;
  documents: number;
  aliases: string[];
}

const list = (...args: string[]) => {
  const result = lede(['--db', db, 'entities', '--json', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { entities: Row[]; unapplied: unknown[] };
};

describe('lede entities over the store', () => {
  it('lists corpus identities with their aliases merged across the seed articles', () => {
    const { entities } = list('--type', 'PERSON', '--search', 'kaabi');
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Akram al-Kaabi', type: 'PERSON' });
    expect(entities[0]?.aliases).toEqual(expect.arrayContaining(['Kaabi', 'Al-Kaabi']));
    expect(entities[0]?.documents).toBeGreaterThanOrEqual(2);
  });

  it('records a merge in the store, shows it at once and keeps it through reprocessing', () => {
    const merge = lede(['--db', db, 'entities', 'merge', 'Qassem Soleimani', 'Quds Force', '--note', 'e2e']);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('recorded: curator merged "Quds Force" into "Qassem Soleimani"');
    const shown = lede(['--db', db, 'entity', 'Quds Force', '--json']);
    expect(shown.status, shown.stderr).toBe(0);
    const [detail] = JSON.parse(shown.stdout) as { record: { name: string; aliases: string[] } }[];
    expect(detail?.record.name).toBe('Qassem Soleimani');
    expect(detail?.record.aliases).toContain('Quds Force');

    const reprocess = lede(['--db', db, 'reprocess', '--all', '--workers', '0', '--json']);
    expect(reprocess.status, reprocess.stderr).toBe(0);
    const after = list('--rebuild', '--search', 'quds');
    expect(after.unapplied).toEqual([]);
    expect(after.entities.map((row) => row.name)).toEqual(['Qassem Soleimani']);
  }, 120_000);

  it('refuses a decision that names no entity, with a non-zero exit', () => {
    const result = lede(['--db', db, 'entities', 'merge', 'Nobody At All', 'Quds Force']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no entity named "Nobody At All"');
  });
});
