import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGold, readSeed, seedFiles } from '../src/eval/gold.js';
import { SEEDS_DIR } from '../src/resources/index.js';
import { lede, ledeServer } from './cli.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-cli-'));
  db = join(dir, 'lede.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede ingest', () => {
  it('ingests the seed folder, then skips every file as a duplicate on a second run', () => {
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    for (const file of seedFiles()) copyFileSync(join(SEEDS_DIR, file), join(seeds, file));
    const first = lede(['--db', db, 'ingest', seeds, '--json']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ingested: 5, duplicates: 0, failed: 0 });
    const again = lede(['--db', db, 'ingest', seeds, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ingested: 0, duplicates: 5, failed: 0 });
  });

  it('names each bad input with its reason, stores the rest, and exits 1', () => {
    const inputs = join(dir, 'bad');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    writeFileSync(join(inputs, 'nobody.html'), '<!doctype html><html><head><title>x</title></head></html>');
    writeFileSync(
      join(inputs, 'lines.jsonl'),
      '{"id": "ok1", "text": "A good line of text."}\n{not json}\n{"id": "x"}\n',
    );
    writeFileSync(
      join(inputs, 'cut.jsonl.gz'),
      gzipSync('{"id": "gz1", "text": "Zipped text."}\n'.repeat(50)).subarray(0, 60),
    );
    writeFileSync(join(inputs, 'huge.txt'), '');
    truncateSync(join(inputs, 'huge.txt'), 200 * 1024 * 1024);
    writeFileSync(join(inputs, 'good.txt'), readSeed(seedFiles()[2] as string));
    const result = lede(['--db', join(dir, 'bad.sqlite'), 'ingest', inputs, join(dir, 'missing.txt')]);
    expect(result.status).toBe(1);
    const err = result.stderr;
    expect(err).toMatch(/empty\.txt: empty file/);
    expect(err).toMatch(/binary\.txt: binary file/);
    expect(err).toMatch(/lines\.jsonl:2: malformed JSON/);
    expect(err).toMatch(/lines\.jsonl:3: invalid record/);
    expect(err).toMatch(/cut\.jsonl\.gz: truncated or corrupt gzip/);
    expect(err).toMatch(/huge\.txt: file is 200\.0 MB, over the 20\.0 MB limit/);
    expect(err).toMatch(/missing\.txt: no such file or folder/);
    const stats = JSON.parse(lede(['--db', join(dir, 'bad.sqlite'), 'stats', '--json']).stdout);
    expect(stats.documents).toBeGreaterThanOrEqual(2); // good.txt and the good JSONL line, whatever happens to the rest
    expect(lede(['--db', join(dir, 'bad.sqlite'), 'show', 'ok1']).status).toBe(0);
  });

  // Root reads every file whatever its mode, so there is nothing to test as root: reported as skipped.
  it.skipIf(process.getuid?.() === 0)('keeps going past a file it cannot read', () => {
    const inputs = join(dir, 'locked');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'secret.txt'), 'Headline\n\nBody.');
    chmodSync(join(inputs, 'secret.txt'), 0);
    const result = lede(['--db', join(dir, 'locked.sqlite'), 'ingest', inputs]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/secret\.txt: permission denied/);
  });

  it('exits 2 on a usage error', () => {
    expect(lede(['--db', db, 'ingest']).status).toBe(2);
    expect(lede(['--db', db, 'frobnicate']).status).toBe(2);
  });
});

describe('reading the store', () => {
  it('searches with snippets, shows an article, and exports it', () => {
    const search = JSON.parse(lede(['--db', db, 'search', 'Kaabi', '--json']).stdout);
    // Kaabi is named in 000, 001 and 002; 000 and 001 are versions of one article, collapsed into one hit.
    expect(search.total).toBe(2);
    expect(search.hits.map((hit: { copies: number }) => hit.copies).sort()).toEqual([0, 1]);
    const first = search.hits[0];
    expect(first.snippet.some((piece: { hit: boolean; text: string }) => piece.hit && /kaabi/i.test(piece.text))).toBe(
      true,
    );
    const shown = lede(['--db', db, 'show', first.id.slice(0, 12), '--json']);
    expect(shown.status).toBe(0);
    const doc = JSON.parse(shown.stdout);
    expect(doc.id).toBe(first.id);
    expect(doc.layers.sentences.length).toBeGreaterThan(3);
    const csv = lede(['--db', db, 'export', '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('id,external_id,uri,headline,published,published_estimated,outlet,sections,text');
    const jsonl = lede(['--db', db, 'export'])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const headlines = jsonl.map((row) => row.meta.headline);
    for (const gold of loadGold().documents) expect(headlines).toContain(gold.headline);
  });

  it('reports a missing document clearly', () => {
    const result = lede(['--db', db, 'show', 'no-such-document']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no document no-such-document/);
  });
});

describe('lede annotate', () => {
  it('writes one line per input line, in order, with the batch-interface fields', () => {
    const files = seedFiles();
    const input = files.map((file, i) => JSON.stringify({ id: `s${i}`, text: readSeed(file) })).join('\n');
    const bad = '\n{"id": "broken"}\n{"text": "no id"}\n';
    const result = lede(['annotate'], { input: input + bad });
    expect(result.status).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual([...files.map((_, i) => `s${i}`), 'broken', null]);
    const gold = loadGold();
    const first = lines[0];
    for (const key of [
      'text',
      'headline',
      'published',
      'sections',
      'outlet',
      'entities',
      'quotes',
      'timexes',
      'figures',
      'loaded',
    ]) {
      expect(first).toHaveProperty(key);
    }
    expect(first.headline).toBe(gold.documents.find((doc) => doc.file === files[0])?.headline);
    expect(first.published).toEqual({ value: '2023-02-13', estimated: false });
    expect(lines[5].error).toMatch(/text.*html/);
    // 001's headline is a quote with its speaker after the colon; offsets point into the headline.
    const [headlineQuote] = lines[1].headlineQuotes;
    expect(lines[1].headline.slice(headlineQuote.start, headlineQuote.end)).toBe(
      'US an enemy, no place for Americans in Iraq',
    );
    expect(headlineQuote.speakerText).toBe('Harakat al-Nujaba');
  });

  it('returns an already clean text unchanged with --as-clean-text', () => {
    const text = 'Headline-like first line\n\nSecond paragraph.';
    const result = lede(['annotate', '--as-clean-text'], { input: JSON.stringify({ id: 'c1', text }) });
    expect(JSON.parse(result.stdout).text).toBe(text);
  });

  it('reads and writes files, gzip included', () => {
    const input = join(dir, 'in.jsonl.gz');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, gzipSync(`${JSON.stringify({ id: 'g1', text: 'Title\n\nSome body text.' })}\n`));
    expect(lede(['annotate', '--in', input, '--out', output]).status).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8')).id).toBe('g1');
  });
});

describe('lede serve', () => {
  it('serves search over HTTP with a content security policy', async () => {
    const server = await ledeServer(['--db', db, 'serve', '--port', '0']);
    try {
      const response = await fetch(`${server.url}/api/search?q=Khazali`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const page = (await response.json()) as { total: number };
      expect(page.total).toBeGreaterThan(0);
      const missing = await fetch(`${server.url}/api/documents/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no document nope' } });
    } finally {
      server.stop();
    }
  });

  it('refuses to bind a non-loopback address without a token', () => {
    const result = lede(['--db', db, 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/without a token/);
  });
});

describe('a read command on a database that does not exist', () => {
  it('says so and how to make one, instead of answering from an empty corpus it would create', () => {
    const missing = join(dir, 'lede-typo.sqlite');
    const result = lede(['--db', missing, 'search', 'ferry']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`no database at ${missing}`);
    expect(result.stderr).toContain('lede ingest');
    expect(existsSync(missing)).toBe(false);
  });
});
