import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../read-inputs.js';
import type { ReadContext } from '../reader.js';
import type { ReadResult } from '../record.js';
import { parseJsonlLine } from './read-jsonl.js';

const CONTEXT: ReadContext = { maxDocumentBytes: 1024 * 1024 };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-jsonl-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readFiles(files: Record<string, Uint8Array | string>, context = CONTEXT): Promise<ReadResult[]> {
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    paths.push(join(dir, name));
    await writeFile(join(dir, name), bytes);
  }
  const results: ReadResult[] = [];
  for await (const result of readInputs(paths, context)) results.push(result);
  return results;
}

const line = (id: number, text = `Story ${id} about the talks.`) => JSON.stringify({ id: `s${id}`, text });
const uris = (results: ReadResult[]) => results.map((r) => ('record' in r ? r.record.uri : `FAIL ${r.failure.uri}`));

describe('jsonl reader under hostile input', () => {
  it('refuses a gzip bomb with one failure naming the file, and reads the good files around it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const results = await readFiles({
      'a-good.jsonl': `${line(1)}\n`,
      'b-bomb.jsonl.gz': bomb,
      'c-good.jsonl.gz': gzipSync(`${line(2)}\n${line(3)}\n`),
    });
    const bombPath = join(dir, 'b-bomb.jsonl.gz');
    expect(uris(results)).toEqual([
      `${join(dir, 'a-good.jsonl')}#s1`,
      `FAIL ${bombPath}`,
      `${join(dir, 'c-good.jsonl.gz')}#s2`,
      `${join(dir, 'c-good.jsonl.gz')}#s3`,
    ]);
    expect(results[1]).toEqual({
      failure: { uri: bombPath, reason: expect.stringMatching(/^gzip decompresses to more than 100 times its size/) },
    });
  });

  it('stops a gzip input at the decompressed size limit', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => line(i)).join('\n');
    const results = await readFiles(
      { 'big.jsonl.gz': gzipSync(lines) },
      { ...CONTEXT, inflateLimits: { maxBytes: 20_000, maxRatio: 100 } },
    );
    expect(results.at(-1)).toEqual({
      failure: { uri: join(dir, 'big.jsonl.gz'), reason: expect.stringMatching(/more than 19.5 KB; the \d+ lines/) },
    });
    expect(results.length).toBeGreaterThan(100);
  });

  it('fails a line over --max-bytes alone, naming the line and the flag, and reads the lines after it', async () => {
    const huge = JSON.stringify({ id: 'huge', text: 'x'.repeat(3 * 1024 * 1024) });
    const path = join(dir, 'huge.jsonl');
    const results = await readFiles({ 'huge.jsonl': [line(1), huge, line(3)].join('\n') });
    expect(results).toEqual([
      { record: expect.objectContaining({ uri: `${path}#s1` }) },
      {
        failure: {
          uri: `${path}:2`,
          reason: 'line is over 1.0 MB, the limit for one record (--max-bytes); skipped without reading it whole',
        },
      },
      { record: expect.objectContaining({ uri: `${path}#s3` }) },
    ]);
  });

  it('reads UTF-16 JSONL with a byte-order mark', async () => {
    const text = `${line(1, 'Zürich talks')}\r\n${line(2, 'Genève talks')}\r\n`;
    for (const [name, bytes] of [
      ['le.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['be.jsonl', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ] as const) {
      const results = await readFiles({ [name]: bytes });
      expect(results.map((r) => 'record' in r && r.record.content)).toEqual(['Zürich talks', 'Genève talks']);
    }
  });
});

describe('jsonl reader given JSON that is not JSONL', () => {
  it('says once per file what the file is and how to convert it, instead of one error per line', async () => {
    const records = [
      { id: 'a', text: 'One.' },
      { id: 'b', text: 'Two.' },
    ];
    const results = await readFiles({
      'array.json': JSON.stringify(records, null, 2),
      'pretty.json': JSON.stringify(records[0], null, 2),
      'fine.jsonl': `${line(9)}\n`,
    });
    const reasons = results.flatMap((result) => ('failure' in result ? [result.failure] : []));
    expect(reasons).toEqual([
      {
        uri: join(dir, 'array.json'),
        reason: expect.stringContaining(
          "a JSON array, not JSONL (one JSON object per line); convert it with: jq -c '.[]'",
        ),
      },
      { uri: join(dir, 'pretty.json'), reason: expect.stringContaining('pretty-printed JSON, not JSONL') },
    ]);
    expect(uris(results).filter((uri) => !uri.startsWith('FAIL'))).toEqual([`${join(dir, 'fine.jsonl')}#s9`]);
  });
});

describe('jsonl record fields', () => {
  it('reads a stated language from "language", else "lang", as a hint', () => {
    const hintOf = (record: object) => {
      const result = parseJsonlLine(JSON.stringify({ text: 'Guten Tag.', ...record }), 'x.jsonl:1');
      return 'record' in result ? result.record.hints?.language : 'failed';
    };
    expect(hintOf({ lang: 'de' })).toBe('de');
    expect(hintOf({ language: 'de-AT', lang: 'en' })).toBe('de-AT');
    expect(hintOf({})).toBeUndefined();
  });
});
