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
  dir = mkdtempSync(join(tmpdir(), 'lede-corpus-cli-'));
  db = join(dir, 'lede.sqlite');
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const file of seedFiles()) copyFileSync(join(SEEDS_DIR, file), join(seeds, file));
  const ingest = lede(['--db', db, 'ingest', seeds, '--json']);
  expect(ingest.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede quotes', () => {
  it('lists the quotes of one speaker with the document, outlet, date and sentence of each', () => {
    const result = lede(['--db', db, 'quotes', '--speaker', 'Akram al-Kaabi', '--limit', '50', '--json']);
    expect(result.status).toBe(0);
    const page = JSON.parse(result.stdout);
    expect(page.total).toBeGreaterThan(3);
    for (const quote of page.quotes) {
      expect(quote.speakerName).toBe('Akram al-Kaabi');
      expect(quote.docId).toMatch(/^[0-9a-f]{16,}$/);
      expect(quote.sentence).toContain(quote.text.trim().slice(0, 20));
    }
    const friendship = page.quotes.find((quote: { text: string }) =>
      quote.text.startsWith('There is no friendship with America'),
    );
    expect(friendship?.speakerMention).toBe('he');
  });

  it('groups the same Kaabi quote in 000 and 001 into one statement with both sources', () => {
    const result = lede(['--db', db, 'quotes', '--grouped', '--speaker', 'Akram al-Kaabi', '--min-sources', '2']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('There is no friendship with America');
    expect(result.stdout).toMatch(/Akram al-Kaabi: 2 documents/);
    expect(result.stdout).toContain('(000_');
    expect(result.stdout).toContain('(001_');
  });

  it('teaches with examples in --help', () => {
    const result = lede(['quotes', '--help']);
    expect(result.stdout).toContain('lede quotes --grouped');
    expect(result.stdout).toContain('--speaker');
  });
});

describe('lede timeline', () => {
  it('prints merged entries in date order, the January 3 strike with its three sources', () => {
    const result = lede(['--db', db, 'timeline', '--from', '2020-01', '--to', '2020-01', '--json']);
    expect(result.status).toBe(0);
    const { entries } = JSON.parse(result.stdout) as { entries: { date: string; sources: unknown[] }[] };
    const dates = entries.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((date) => date.startsWith('2020-01'))).toBe(true);
    // Both scrapes of 000 give the day; 002, which says only `the January 2020 assassination`, joins them.
    expect(entries.find((entry) => entry.date === '2020-01-03' && entry.sources.length === 3)).toBeDefined();
  });
});

describe('lede claims', () => {
  it('flags the 004 bill date conflict and the 2,500-troops agreement with the evidence side by side', () => {
    const result = lede(['--db', db, 'claims']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/CONFLICT {2}date {2}iraqi parliament: 2020-01-03 and XXXX-01-05 within 004_/);
    // Both sentences, the dates marked, and what made them comparable.
    expect(result.stdout).toContain('passed into law on [[January 3, 2020]]');
    expect(result.stdout).toContain('Uqabi called [[January 5]]');
    expect(result.stdout).toContain('compared: same day of iraqi parliament');
    expect(result.stdout).toMatch(/AGREEMENT {2}figure {2}troop of Iraq, United States: 2500 in 3 documents/);
    const json = JSON.parse(lede(['--db', db, 'claims', '--conflicts', '--json']).stdout);
    expect(json.claims.every((claim: { relation: string }) => claim.relation === 'conflict')).toBe(true);
  });

  it('refuses --conflicts with --agreements, which together used to match nothing and say "no claims"', () => {
    const result = lede(['--db', db, 'claims', '--conflicts', '--agreements']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("option '--conflicts' cannot be used with option '--agreements'");
    expect(result.stdout).toBe('');
  });
});

describe('lede stories', () => {
  it('pages the list largest first and says how many there are, and lists all with --json', () => {
    const all = JSON.parse(lede(['--db', db, 'stories', '--json']).stdout).stories as { members: unknown[] }[];
    expect(all.length).toBeGreaterThan(1);
    const sizes = all.map((story) => story.members.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const first = lede(['--db', db, 'stories', '--limit', '1']);
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(first.stderr).toContain(`1-1 of ${all.length} stories shown; --offset 1 for more`);
    expect(lede(['--db', db, 'stories', '--sort', 'biggest']).status).toBe(2);
  });
});

describe('lede link', () => {
  it('keeps what the ingest linked, and re-decides everything with --rebuild', () => {
    const stories = () => JSON.parse(lede(['--db', db, 'stories', '--json']).stdout).stories;
    const before = stories();
    const again = lede(['--db', db, 'link', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: 5, linked: 0, rebuilt: false, duplicateGroups: 1 });
    expect(stories()).toEqual(before);
    const rebuilt = lede(['--db', db, 'link', '--rebuild', '--json']);
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({
      documents: 5,
      linked: 5,
      rebuilt: true,
      stories: before.length,
    });
  });
});

describe('lede search filters', () => {
  const search = (...args: string[]) => {
    const result = lede(['--db', db, 'search', 'US', '--json', ...args]);
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as { total: number; hits: { headline?: string }[] };
  };

  it('narrows by entity and speaker, by any name of the corpus entity, and by quotes', () => {
    const all = search();
    const kaabi = search('--entity', 'Kaabi');
    // Kaabi is an alias of Akram al-Kaabi: the alias and the canonical name find the same articles.
    expect(search('--entity', 'Akram al-Kaabi').total).toBe(kaabi.total);
    expect(kaabi.total).toBeGreaterThan(0);
    expect(kaabi.total).toBeLessThan(all.total);
    expect(kaabi.hits.map((hit) => hit.headline)).toContain(
      'US an enemy, no place for Americans in Iraq: Harakat al-Nujaba',
    );
    expect(search('--speaker', 'al-Kaabi').total).toBe(search('--speaker', 'Akram al-Kaabi').total);
    expect(search('--has-quotes').total + search('--no-has-quotes').total).toBe(all.total);
    expect(search('--entity', 'Nobody Known').total).toBe(0);
  });
});

describe('lede framing', () => {
  it('rates each outlet per 1,000 words from the samples and states the model precision first', () => {
    const json = lede(['--db', db, 'framing', '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.documents).toBe(seedFiles().length);
    expect(report.outlets.reduce((sum: number, row: { articles: number }) => sum + row.articles, 0)).toBe(
      seedFiles().length,
    );
    const text = lede(['--db', db, 'framing', '--by-month']);
    expect(text.status).toBe(0);
    const [first, header, ...rows] = text.stdout.trim().split('\n');
    expect(first).toMatch(/^model precision at its thresholds .*all techniques 0\.\d\d, Loaded_Language 0\.\d\d$/);
    expect(header).toContain('per 1k');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => /Loaded_Language \d+\.\d\d/.test(row))).toBe(true);
  });

  it('lists the marked passages a page at a time, each in its sentence, with --examples', () => {
    const report = JSON.parse(lede(['--db', db, 'framing', '--json']).stdout);
    const spans = report.outlets.reduce((sum: number, row: { spans: number }) => sum + row.spans, 0);
    const page = JSON.parse(lede(['--db', db, 'framing', '--examples', '--limit', '2', '--json']).stdout);
    expect(page.total).toBe(spans);
    expect(page.examples).toHaveLength(2);
    const technique = page.techniques[0].value as string;
    const text = lede(['--db', db, 'framing', '--examples', '--technique', technique, '--limit', '1']);
    expect(text.status).toBe(0);
    const [head, sentence, why, footer] = text.stdout.trim().split('\n');
    expect(head).toContain(technique);
    expect(sentence).toMatch(/\[[^\]]+\]/);
    expect(why).toMatch(/^ {4}why: \w/);
    expect(footer).toBe(`1-1 of ${page.techniques[0].count} spans shown`);
  });
});
