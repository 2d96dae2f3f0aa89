import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostileOutcome, writeHostileCorpus } from '../bench/hostile-inputs.js';
import { SEEDS_DIR } from '../resources/index.js';
import { readInputs } from './read-inputs.js';
import type { ReadContext } from './reader.js';
import type { ReadResult } from './record.js';
import { writeWarc } from './warc/write-warc.js';

/** Real inputs of every kind the readers take, to be cut, mutated and renamed. */
async function buildCorpus(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const seeds = existsSync(SEEDS_DIR)
    ? readdirSync(SEEDS_DIR)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) }))
    : [];
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Talks resume</title></head><body><article><h1>Talks resume in Geneva</h1><p>“We are ready,” the minister said on Monday.</p></article></body></html>';
  const jsonl = [
    JSON.stringify({ id: 'a1', url: 'https://news.example/a1', title: 'One', text: 'First line of text.' }),
    JSON.stringify({ id: 2, html: '<p>Second</p>', published: '2023-02-13' }),
    '{"id": "bad", "text": ',
  ].join('\n');
  const pages = [
    { url: 'https://news.example/1', body: html },
    {
      url: 'https://news.example/2',
      body: iconv.encode('<p>قال الوزير إن المحادثات ستستأنف</p>', 'windows-1256'),
      headers: { 'Content-Type': 'text/html; charset=windows-1256' },
    },
  ];
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Up</title><link>https://news.example/1</link><pubDate>Mon, 13 Feb 2023 10:00:00 GMT</pubDate></item>
<item><title>Down</title><link>https://news.example/missing</link></item></channel></rss>`;
  return [
    ...seeds,
    { name: 'page.html', bytes: new TextEncoder().encode(html) },
    { name: 'latin.html', bytes: iconv.encode(html.replace('utf-8', 'windows-1252'), 'windows-1252') },
    { name: 'lines.jsonl', bytes: new TextEncoder().encode(jsonl) },
    { name: 'lines.jsonl.gz', bytes: gzipSync(jsonl) },
    { name: 'crawl.warc', bytes: await writeWarc(pages) },
    { name: 'crawl.warc.gz', bytes: await writeWarc(pages, { gzip: true }) },
    { name: 'wire.rss', bytes: new TextEncoder().encode(feed) },
  ];
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; positions: number[]; values: number[] }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'random'; bytes: Uint8Array };

function mutate(bytes: Uint8Array, mutation: Mutation): Uint8Array {
  switch (mutation.kind) {
    case 'none':
      return bytes;
    case 'truncate':
      return bytes.subarray(0, Math.floor(mutation.at * bytes.length));
    case 'flip': {
      const copy = new Uint8Array(bytes);
      mutation.positions.forEach((position, i) => {
        if (copy.length > 0) copy[Math.floor(position * copy.length)] = mutation.values[i] ?? 0;
      });
      return copy;
    }
    case 'insert': {
      const at = Math.floor(mutation.at * bytes.length);
      return new Uint8Array(Buffer.concat([bytes.subarray(0, at), mutation.bytes, bytes.subarray(at)]));
    }
    case 'random':
      return mutation.bytes;
  }
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    positions: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 8 }),
    values: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 2048 }) }),
);

const EXTENSIONS = ['', '.txt', '.html', '.jsonl', '.jsonl.gz', '.warc', '.warc.gz', '.rss', '.xml', '.bin'];
const RUN_LIMIT_MS = 5000;
/** CI runs a bounded sample; `LEDE_FUZZ_RUNS=5000 npx vitest run src/ingest/fuzz.test.ts` digs deeper locally. */
const DEEP_RUNS = Number(process.env.LEDE_FUZZ_RUNS) || 0;

/** Pages for the feed's items: one exists, anything else is a 404, with no network involved. */
const CONTEXT: ReadContext = {
  maxDocumentBytes: 64 * 1024,
  fetchPage: async (url) =>
    url === 'https://news.example/1'
      ? { record: { uri: url, content: '<p>Talks resume</p>', mediaType: 'text/html' } }
      : { failure: { uri: url, reason: 'HTTP 404' } },
};

let dir: string;
let corpus: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-fuzz-'));
  corpus = await buildCorpus();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readAllWithin(paths: string[], limitMs: number): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readInputs hung for ${limitMs} ms on ${paths.join(', ')}`)), limitMs);
  });
  const read = (async () => {
    for await (const result of readInputs(paths, CONTEXT)) results.push(result);
  })();
  try {
    await Promise.race([read, hang]);
  } finally {
    clearTimeout(timer);
  }
  return results;
}

describe('readInputs under fuzzing', () => {
  it(
    'never throws or hangs, and ends every random, truncated or mutated input as records or failures naming it',
    async () => {
      const seeds = corpus.filter((input) => input.name.endsWith('.txt'));
      expect(
        seeds.length,
        `seed texts expected in ${SEEDS_DIR} (set LEDE_DATA to the shared data folder)`,
      ).toBeGreaterThan(0);
      let run = 0;
      const inputArbitrary = fc.record({
        source: fc.integer({ min: 0, max: corpus.length - 1 }),
        mutation: mutationArbitrary,
        extension: fc.constantFrom(...EXTENSIONS),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(inputArbitrary, { minLength: 1, maxLength: 4 }), async (inputs) => {
          const runDir = join(dir, String(run++));
          await mkdir(runDir);
          const paths: string[] = [];
          for (const [i, input] of inputs.entries()) {
            const base = corpus[input.source]!;
            const path = join(runDir, `${i}-${base.name.replace(/\..*$/, '')}${input.extension}`);
            await writeFile(path, mutate(base.bytes, input.mutation));
            paths.push(path);
          }
          const results = await readAllWithin(paths, RUN_LIMIT_MS);
          for (const result of results) {
            if ('record' in result) expect(typeof result.record.content).toBe('string');
            else expect(result.failure.reason.length).toBeGreaterThan(0);
          }
          const uris = results.map((result) => ('record' in result ? result.record.uri : result.failure.uri));
          for (const path of paths) {
            expect(uris.some((uri) => uri === path || uri.startsWith(`${path}:`) || uri.startsWith(`${path}#`))).toBe(
              true,
            );
          }
        }),
        DEEP_RUNS
          ? { numRuns: DEEP_RUNS }
          : { numRuns: 400, interruptAfterTimeLimit: 10_000, markInterruptAsFailure: false },
      );
      expect(run).toBeGreaterThan(20);
    },
    DEEP_RUNS ? 0 : 15_000,
  );
});

describe('readInputs over a hostile corpus', () => {
  it('reads every good document and fails every hostile input (bombs, huge lines, broken WARCs, symlink escapes) with its own message', async () => {
    const hostileDir = join(dir, 'hostile');
    await mkdir(hostileDir);
    const inputs = await writeHostileCorpus(hostileDir, {
      maxDocumentBytes: CONTEXT.maxDocumentBytes,
      bombBytes: 1024 ** 3,
    });
    expect(inputs.filter((input) => input.expect !== 'good').length).toBeGreaterThanOrEqual(60);
    const results = await readAllWithin([hostileDir], 20_000);
    const outcome = {
      recordUris: results.flatMap((result) => ('record' in result ? [result.record.uri] : [])),
      failures: results.flatMap((result) => ('failure' in result ? [result.failure] : [])),
    };
    expect(checkHostileOutcome(hostileDir, inputs, outcome)).toEqual([]);
    expect(outcome.failures.every((failure) => failure.reason.length > 0)).toBe(true);
  }, 30_000);
});
