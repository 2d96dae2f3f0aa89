/**
 * Server benchmark (not a test): builds a store of N articles by replicating the BBC corpus with
 * perturbations, then loads search and entity-page requests with autocannon on loopback and prints
 * p50/p99 latency and requests per second. Target: p99 < 50 ms at 100,000 articles. The server is
 * the built `lede serve` (run `npm run build` first) in its own process.
 *
 *   npx tsx src/bench/server-bench.ts [--docs 100000] [--db /tmp/lede-bench-100000.sqlite] [--duration 10] [--connections 10]
 *   npx tsx src/bench/server-bench.ts --hostile --db /tmp/bbc.sqlite [--duration 10]   (see hostile())
 *
 * Entities, quotes and dates are found by crude regular expressions (stage `bench/synthetic`): the
 * point is realistic volume in span_index, not annotation quality. Corpus identities are built as
 * after a real ingest, so entity pages and the entity facet take the identity path. The database is
 * kept and reused by the next run with the same --docs.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { IDENTITIES_STATE, rebuildIdentities, STORIES_STATE } from '../link/index.js';
import { type Doc, emptyMeta, makeSpan, type Span } from '../model/index.js';
import { createSentencesStage, seededRandom } from '../nlp/index.js';
import { linkCorpus } from '../pipeline/index.js';
import { LEDE_BIN, PROJECT_ROOT, readJsonlGz, SHARED_DATA } from '../resources/index.js';
import { openStore, type Store } from '../store/index.js';
import { HOSTILE_TOKEN, runHostileBench } from './server-hostile-bench.js';

interface BbcRecord {
  id: string;
  title: string;
  section: string;
  text: string;
}

const OUTLETS = ['BBC News', 'Harbour Post', 'Coast Daily', 'Tide Gazette', 'Metro Wire', 'Evening Ledger'];
const by = { stage: 'bench/synthetic', version: 1 };

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    db: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    hostile: { type: 'boolean', default: false },
  },
});
const size = Number(values.docs);
const dbPath = values.db ?? join(tmpdir(), `lede-bench-${size}.sqlite`);

function readBbc(): BbcRecord[] {
  const path = join(SHARED_DATA, 'news/bbc/bbc.jsonl.gz');
  return readJsonlGz<BbcRecord>(path);
}

function synthesise(record: BbcRecord, index: number, sentences: ReturnType<typeof createSentencesStage>): Doc {
  const next = seededRandom(index + 1);
  const paragraphs = record.text.split('\n\n');
  // Perturb: rotate paragraphs and drop one, so replicas are near-duplicates, not copies.
  const shift = Math.floor(next() * paragraphs.length);
  const rotated = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)];
  if (rotated.length > 3) rotated.splice(Math.floor(next() * rotated.length), 1);
  const text = `${rotated.join('\n\n')}\n\nEdition ${index}.`;
  const year = 2004 + Math.floor(next() * 21);
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const entities: Span[] = [];
  for (const match of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b/g)) {
    const label = match[0].split(' ').length === 2 ? 'PERSON' : 'ORG';
    entities.push(makeSpan('entities', match.index, match.index + match[0].length, label, by, { entity: match[0] }));
  }
  const quotes: Span[] = [];
  for (const match of text.matchAll(
    /"([^"]{10,300})"[,.]? (?:said|says) ((?:Mr |Ms |Mrs )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)/g,
  )) {
    const start = match.index + 1;
    quotes.push(
      makeSpan('quotes', start, start + (match[1] as string).length, 'direct', by, {
        speakerName: match[2] as string,
        speaker: null,
      }),
    );
  }
  const timexes: Span[] = [];
  for (const match of text.matchAll(/\b(?:19|20)\d\d\b/g)) {
    timexes.push(makeSpan('timexes', match.index, match.index + 4, 'DATE', by, { value: match[0] }));
  }
  const doc: Doc = {
    id: createHash('sha256').update(`${record.id}:${index}`).digest('hex'),
    source: { uri: `bench://${record.id}/${index}`, mediaType: 'text/plain' },
    raw: `${record.title}\n\n${text}`,
    text,
    origin: { segments: [] },
    meta: {
      ...emptyMeta(),
      headline: record.title,
      outlet: OUTLETS[index % OUTLETS.length],
      sections: [record.section],
      published: { value: `${year}-${month}-${day}`, estimated: false },
    },
    layers: { entities, quotes, timexes },
    messages: [],
  };
  return { ...doc, layers: { ...doc.layers, ...sentences.run(doc, undefined as never) } };
}

async function build(store: Store): Promise<void> {
  const records = readBbc();
  const sentences = createSentencesStage();
  const started = performance.now();
  const have = (await store.stats()).documents;
  for (let index = have; index < size; index += 1000) {
    const batch: { doc: Doc }[] = [];
    for (let i = index; i < Math.min(size, index + 1000); i++) {
      batch.push({ doc: synthesise(records[i % records.length] as BbcRecord, i, sentences) });
    }
    await store.putDocuments(batch);
    if ((index / 1000) % 10 === 9 || index + 1000 >= size) {
      const rate = (index - have + batch.length) / ((performance.now() - started) / 1000);
      process.stderr.write(`  ${index + batch.length} documents (${rate.toFixed(0)} docs/s)\n`);
    }
  }
}

async function load(url: string, paths: string[], title: string) {
  let turn = 0;
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: [
      {
        setupRequest: (request) => {
          request.path = paths[turn++ % paths.length] as string;
          return request;
        },
      },
    ],
  });
  const errors = result.errors + result.non2xx;
  console.log(
    `${title.padEnd(24)} p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  ` +
      `${result.requests.average.toFixed(0).padStart(6)} req/s  ${result.requests.total} requests, ${errors} errors  ` +
      `p99 < 50 ms: ${result.requests.total > 0 && result.latency.p99 < 50 ? 'yes' : 'NO'}`,
  );
}

async function startServer(db: string, extra: string[] = []): Promise<{ address: string; process: ChildProcess }> {
  const root = PROJECT_ROOT;
  if (!existsSync(join(root, 'dist/cli/main.js')))
    throw new Error('run `npm run build` first: the benchmark serves with bin/lede.js');
  const port = await new Promise<number>((resolvePort) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const bound = probe.address();
      probe.close(() => resolvePort(typeof bound === 'object' && bound ? bound.port : 0));
    });
  });
  const child = spawn(process.execPath, [LEDE_BIN, '--db', db, 'serve', '--port', String(port), ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('serving')) ready();
    });
    child.once('exit', (code) => fail(new Error(`lede serve exited with ${code}`)));
  });
  return { address: `http://127.0.0.1:${port}`, process: child };
}

/**
 * `--hostile --db <a store from lede ingest>`: a plain client's search latency while one client
 * sends pathological searches, one export is left unread and one upload is ingested and relinked.
 * The upload's records get new ids each run, so the store grows by 100 documents a run.
 */
async function hostile(): Promise<void> {
  if (!values.db) throw new Error('--hostile needs --db: a store built by lede ingest (the BBC corpus, for example)');
  const server = await startServer(values.db, ['--token', HOSTILE_TOKEN]);
  try {
    const run = Date.now().toString(36);
    const records = readBbc()
      .slice(0, 100)
      .map((record) =>
        JSON.stringify({ ...record, id: `${record.id}-hostile-${run}`, text: `${record.text}\n\nRun ${run}.` }),
      );
    await fetch(`${server.address}/api/search?q=warmup`);
    await runHostileBench(server.address, records, Number(values.duration));
  } finally {
    server.process.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  if (values.hostile) return hostile();
  const fresh = !existsSync(dbPath);
  const store = await openStore(dbPath);
  if ((await store.stats()).documents < size) {
    process.stderr.write(`building ${size} documents in ${dbPath}${fresh ? '' : ' (resuming)'}…\n`);
    const started = performance.now();
    await build(store);
    process.stderr.write(`built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  if ((await store.corpusStateVersion(IDENTITIES_STATE)) === undefined) {
    const started = performance.now();
    const { records } = await rebuildIdentities(store);
    process.stderr.write(
      `${records.length} identities built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  if ((await store.getCorpusState(STORIES_STATE)) === undefined) {
    const started = performance.now();
    const linked = await linkCorpus(store);
    process.stderr.write(
      `${linked.stories} stories linked in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  const largestStories = [...((await store.getCorpusState(STORIES_STATE)) ?? [])]
    .sort((a, b) => b.memberIds.length - a.memberIds.length)
    .slice(0, 40)
    .map((story) => story.id);
  const stats = await store.stats();
  // The real `lede serve` in its own process: a load generator sharing the server's event loop
  // would measure itself.
  const server = await startServer(dbPath);
  const address = server.address;
  const queries = [
    'blair',
    'mobile phone',
    '"prime minister"',
    'oil prices',
    'chelsea',
    'broadband*',
    'election labour',
    'film award',
    'microsoft',
    'interest rates',
  ];
  const ranked = (await store.listEntities({ limit: 5000 })).map((entity) => entity.name);
  // The 40 most mentioned entities are the worst case; log-spaced ranks stand for ordinary pages.
  const top = ranked.slice(0, 40);
  const spread = [
    ...new Set(Array.from({ length: 40 }, (_, i) => Math.floor(40 * (ranked.length / 40) ** (i / 39)) - 1)),
  ]
    .map((rank) => ranked[rank])
    .filter((name): name is string => Boolean(name));
  console.log(
    `${stats.documents} documents, ${stats.layers.map((layer) => `${layer.spans} ${layer.layer}`).join(', ')}; ` +
      `${Number(values.connections)} connections, ${values.duration} s per run, node ${process.version}`,
  );
  // The first search loads the store's in-memory facet columns and the first entity request the
  // identities (once per process, and again only after they change); not measured.
  await fetch(`${address}/api/search?q=warmup`);
  const entityPaths = (names: string[]) => names.map((name) => `/api/entities/${encodeURIComponent(name)}`);
  await fetch(`${address}${entityPaths(top.slice(0, 1))[0]}`);
  await load(
    address,
    queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
    'search',
  );
  // Facet filters: each kind of filter, on common and rarer terms.
  const filtered = queries.map((q, i) => {
    const filters: Record<string, string>[] = [
      { outlet: OUTLETS[i % OUTLETS.length] as string },
      { hasQuotes: 'true' },
      { entity: top[i % top.length] as string },
      { section: 'politics', from: '2010', to: '2015-06' },
      { speaker: 'Mr Blair' },
    ];
    const filter = filters[i % filters.length];
    return `/api/search?${new URLSearchParams({ q, ...filter })}`;
  });
  await load(address, filtered, 'search (filtered)');
  await load(address, entityPaths(top), 'entity (top 40)');
  await load(address, entityPaths(spread), `entity (ranks 40-${ranked.length})`);
  await load(
    address,
    ['size', 'newest', 'oldest'].flatMap((sort) =>
      [0, 25, 500].map((offset) => `/api/stories?sort=${sort}&offset=${offset}`),
    ),
    'stories list',
  );
  await load(
    address,
    largestStories.map((id) => `/api/stories/${id}`),
    'story page (40 largest)',
  );
  server.process.kill('SIGTERM');
  await store.close();
}

await main();
