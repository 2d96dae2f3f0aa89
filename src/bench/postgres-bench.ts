/**
 * PostgreSQL benchmarks (not tests) of the shared store and its ingest queue. Each mode prints a
 * short table; run `npm run build` first (the workers are the built `lede worker`), and run it
 * niced on a shared machine.
 *
 *   npm run bench:postgres -- --scaling [--docs 400]
 *   npm run bench:postgres -- --fault [--docs 20000] [--kills 3]
 *   npm run bench:postgres -- --search [--sizes 100000,1000000] [--rounds 5] [--keep] [--build-only]
 *
 * --scaling: real articles (the BBC corpus; past its 2,225 articles, copies with one word changed)
 *   queued with `lede ingest --queue`, drained by 1 then (fresh database) 2 `lede worker --until-empty
 *   --concurrency 1` processes. Throughput is documents stored per second from the first stored
 *   document to the last, read by counting rows; linking, which a worker runs when the queue runs
 *   dry, is timed apart. The store's write ceiling is measured by putting the analysed documents
 *   again into a fresh database from one process: every write holds the store's one advisory write
 *   lock, so however many workers there are, PostgreSQL takes documents no faster than that. The
 *   workers' and PostgreSQL's CPU seconds per document (from /proc: the server must run on this
 *   machine) and how busy the machine was are printed too: on shared cores the ratio says as much
 *   about the other work as about lede.
 * --fault: synthetic articles, 3 workers, one killed with SIGKILL at random moments (and started
 *   again), jobs queued with a 5 s timeout; then checks that every queued id is stored once and that
 *   no job is left queued, running or failed.
 * --search: see postgres-search-bench.ts.
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LEDE_BIN, readJsonlGz, SHARED_DATA } from '../resources/index.js';
import { openStore } from '../store/index.js';
import { benchDatabaseUrl, dropDatabase, freshDatabase } from './pg-bench-database.js';
import {
  buildPostgresSearchStore,
  buildSqliteSearchStore,
  dropSearchDatabases,
  percentile,
  SEARCHES,
  timeSearches,
} from './postgres-search-bench.js';
import { ZipfCorpus } from './zipf-corpus.js';

const { values } = parseArgs({
  options: {
    scaling: { type: 'boolean', default: false },
    fault: { type: 'boolean', default: false },
    search: { type: 'boolean', default: false },
    docs: { type: 'string' },
    kills: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '100000,1000000' },
    rounds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
  },
});

interface BbcRecord {
  id: string;
  title: string;
  section: string;
  text: string;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function lede(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [LEDE_BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`lede ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, [LEDE_BIN, '--db', url, 'worker', '--until-empty', '--concurrency', '1'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((done) => child.once('exit', () => done()));

/** CPU seconds a process has used (user and system, all its threads), read from /proc; 0 once it has exited. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The machine's CPU seconds, busy and in all, from /proc/stat (every core summed). */
function machineCpu(): { busy: number; all: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const all = fields.reduce((sum, n) => sum + n, 0) / 100;
  const idle = ((fields[3] ?? 0) + (fields[4] ?? 0)) / 100;
  return { busy: all - idle, all };
}

/** CPU seconds of each PostgreSQL backend serving this database now (the server runs on this machine). */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return new Map(rows.map((row) => [row.pid, cpuSeconds(row.pid)]));
}

async function counts(client: pg.Client): Promise<{ documents: number; spans: number; layers: number }> {
  const { rows } = await client.query<{ documents: number; spans: number; layers: number }>(
    `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM span_index) AS spans,
       (SELECT count(*)::int FROM layers) AS layers`,
  );
  return rows[0] as { documents: number; spans: number; layers: number };
}

function bbcRecords(count: number): BbcRecord[] {
  const bbc = readJsonlGz<BbcRecord>(join(SHARED_DATA, 'news/bbc/bbc.jsonl.gz'));
  return Array.from({ length: count }, (_, i) => {
    const record = bbc[i % bbc.length] as BbcRecord;
    const copy = Math.floor(i / bbc.length);
    if (copy === 0) return record;
    // A copy with one word changed: a distinct document (its id is its content's hash), a near-duplicate.
    return { ...record, id: `${record.id}-copy${copy}`, text: record.text.replace(/\bthe\b/, `copy${copy}`) };
  });
}

interface Drain {
  workers: number;
  documents: number;
  storeSeconds: number;
  docsPerSecond: number;
  spanRowsPerSecond: number;
  layerRowsPerSecond: number;
  linkSeconds: number;
  /** CPU seconds the workers used per document stored, from the first stored document to the last. */
  workerCpuPerDoc: number;
  /** Of the machine's cores over the same span, the share busy with anything (these workers, PostgreSQL, other work). */
  machineBusy: number;
  /** CPU seconds PostgreSQL's backends for these workers used per document stored, over the same span. */
  postgresCpuPerDoc: number;
}

/** Queues `file` into a fresh database and drains it with `workers` processes, timing storing and linking apart. */
async function drain(name: string, file: string, expected: number, workers: number): Promise<Drain> {
  const url = await freshDatabase(name);
  lede(['--db', url, 'ingest', file, '--queue']);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const children = Array.from({ length: workers }, () => startWorker(url));
  type Moment = {
    at: number;
    documents: number;
    spans: number;
    layers: number;
    cpu: number;
    machine: { busy: number; all: number };
    backends: Map<number, number>;
  };
  let first: Moment | undefined;
  let last: Moment | undefined;
  while (!last) {
    await new Promise((tick) => setTimeout(tick, 200));
    const cpu = children.reduce((sum, child) => sum + cpuSeconds(child.pid), 0);
    const now = {
      at: performance.now(),
      ...(await counts(client)),
      cpu,
      machine: machineCpu(),
      backends: await backendCpu(client),
    };
    if (!first && now.documents > 0) first = now;
    if (now.documents >= expected) last = now;
    if (children.every((child) => child.exitCode !== null) && !last)
      throw new Error(`workers exited with ${now.documents} of ${expected} documents stored`);
  }
  await Promise.all(children.map(exited));
  const linkSeconds = (performance.now() - last.at) / 1000;
  await client.end();
  const start = first as NonNullable<typeof first>;
  const storeSeconds = (last.at - start.at) / 1000;
  return {
    workers,
    documents: last.documents,
    storeSeconds,
    docsPerSecond: (last.documents - start.documents) / storeSeconds,
    spanRowsPerSecond: (last.spans - start.spans) / storeSeconds,
    layerRowsPerSecond: (last.layers - start.layers) / storeSeconds,
    linkSeconds,
    workerCpuPerDoc: (last.cpu - start.cpu) / (last.documents - start.documents),
    machineBusy: (last.machine.busy - start.machine.busy) / (last.machine.all - start.machine.all),
    postgresCpuPerDoc:
      [...last.backends].reduce((sum, [pid, cpu]) => sum + cpu - (start.backends.get(pid) ?? 0), 0) /
      (last.documents - start.documents),
  };
}

/** PostgreSQL's write ceiling: the analysed documents of `from` put again into a fresh database by one process. */
async function writeCeiling(from: string, to: string): Promise<{ docsPerSecond: number; spanRowsPerSecond: number }> {
  const source = await openStore(from);
  const docs = [];
  for (const summary of await source.listDocuments({ limit: 100_000 })) {
    const doc = await source.getDocument(summary.id);
    if (doc) docs.push(doc);
  }
  await source.close();
  const url = await freshDatabase(to);
  const target = await openStore(url);
  const started = performance.now();
  // Batches of 8: what one worker thread stores at a time (runWorker's batch size).
  for (let i = 0; i < docs.length; i += 8) await target.putDocuments(docs.slice(i, i + 8).map((doc) => ({ doc })));
  const seconds = (performance.now() - started) / 1000;
  await target.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const indexed = (await counts(client)).spans;
  await client.end();
  await dropDatabase(to);
  return { docsPerSecond: docs.length / seconds, spanRowsPerSecond: indexed / seconds };
}

async function scaling(): Promise<void> {
  const count = Number(values.docs ?? 400);
  const file = join(tmpdir(), `lede-bench-scaling-${count}.jsonl`);
  writeFileSync(
    file,
    `${bbcRecords(count)
      .map((record) => JSON.stringify(record))
      .join('\n')}\n`,
  );
  console.log(`scaling: ${count} BBC articles, load average before ${load()}`);
  const one = await drain('lede_bench_scaling_1', file, count, 1);
  console.log(`  1 worker done, load ${load()}`);
  const ceiling = await writeCeiling(benchDatabaseUrl('lede_bench_scaling_1'), 'lede_bench_scaling_ceiling');
  const two = await drain('lede_bench_scaling_2', file, count, 2);
  console.log(`  2 workers done, load ${load()}`);
  if (!values.keep) for (const name of ['lede_bench_scaling_1', 'lede_bench_scaling_2']) await dropDatabase(name);
  console.log(
    '\nworkers  docs  store s  docs/s  docs/s/worker  span rows/s  layer rows/s  link s  worker CPU s/doc  PG CPU s/doc  machine busy',
  );
  for (const run of [one, two]) {
    console.log(
      `${String(run.workers).padStart(7)}  ${String(run.documents).padStart(4)}  ${run.storeSeconds.toFixed(1).padStart(7)}  ` +
        `${run.docsPerSecond.toFixed(2).padStart(6)}  ${(run.docsPerSecond / run.workers).toFixed(2).padStart(13)}  ` +
        `${run.spanRowsPerSecond.toFixed(0).padStart(11)}  ${run.layerRowsPerSecond.toFixed(0).padStart(12)}  ${run.linkSeconds.toFixed(1).padStart(6)}  ${run.workerCpuPerDoc.toFixed(3).padStart(16)}  ${run.postgresCpuPerDoc.toFixed(3).padStart(12)}  ${(100 * run.machineBusy).toFixed(0).padStart(11)}%`,
    );
  }
  const ratio = two.docsPerSecond / one.docsPerSecond;
  console.log(`ratio 2 workers / 1 worker: ${ratio.toFixed(2)} (target >= 1.8: ${ratio >= 1.8 ? 'yes' : 'NO'})`);
  console.log(
    `write ceiling (analysed documents put again by one process, batches of 8): ${ceiling.docsPerSecond.toFixed(0)} docs/s, ` +
      `${ceiling.spanRowsPerSecond.toFixed(0)} span index rows/s`,
  );
  const perMachine = two.docsPerSecond;
  console.log(
    'projection, k machines like this one (2 cores, 2 workers), PostgreSQL elsewhere with the ceiling above as its limit:',
  );
  for (const k of [1, 2, 4, 8, 16, 32, 64]) {
    const rate = Math.min(k * perMachine, ceiling.docsPerSecond);
    console.log(
      `  k=${String(k).padStart(2)}  ${rate.toFixed(0).padStart(5)} docs/s  ${(rate * 3600).toFixed(0).padStart(8)} docs/h${k * perMachine > ceiling.docsPerSecond ? '  (write-bound)' : ''}`,
    );
  }
}

async function fault(): Promise<void> {
  const count = Number(values.docs ?? 20_000);
  const kills = Number(values.kills);
  const corpus = new ZipfCorpus();
  const file = join(tmpdir(), `lede-bench-fault-${count}.jsonl`);
  const ids: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const article = corpus.article(i, 8);
    ids.push(article.externalId);
    lines.push(
      JSON.stringify({
        id: article.externalId,
        title: article.headline,
        text: article.text,
        date: article.published,
        source: article.outlet,
        section: article.section,
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const name = 'lede_bench_fault';
  const url = await freshDatabase(name);
  console.log(`fault: ${count} synthetic articles, 3 workers, ${kills} kills; load average before ${load()}`);
  lede(['--db', url, 'ingest', file, '--queue', '--job-timeout', '5']);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const workers = [startWorker(url), startWorker(url), startWorker(url)];
  // Kill moments: random points between 5% and 85% of the documents stored.
  const moments = Array.from({ length: kills }, () => Math.floor(count * (0.05 + 0.8 * Math.random()))).sort(
    (a, b) => a - b,
  );
  const killed: string[] = [];
  while (moments.length > 0) {
    await new Promise((tick) => setTimeout(tick, 100));
    const { documents } = await counts(client);
    if (documents < (moments[0] as number)) continue;
    moments.shift();
    const victim = Math.floor(Math.random() * workers.length);
    const child = workers[victim] as ChildProcess;
    child.kill('SIGKILL');
    await exited(child);
    workers[victim] = startWorker(url);
    killed.push(`worker ${victim + 1} at ${documents} stored (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await Promise.all(workers.map(exited));
  const drained = performance.now();
  // The last drain: a worker that finds nothing left to do, or does what was left.
  lede(['--db', url, 'worker', '--until-empty']);
  const jobs = JSON.parse(lede(['--db', url, 'jobs', '--json'])) as Record<string, number>;
  const stored = new Set(
    (await client.query<{ external_id: string }>('SELECT external_id FROM documents')).rows.map((r) => r.external_id),
  );
  const { rows } = await client.query<{ documents: number; ids: number; externals: number; texts: number }>(
    `SELECT count(*)::int AS documents, count(DISTINCT id)::int AS ids, count(DISTINCT external_id)::int AS externals,
       count(DISTINCT md5(text))::int AS texts FROM documents`,
  );
  const retried = await client
    .query<{ n: number }>(
      `SELECT coalesce(sum(retry_count), 0)::int AS n FROM (SELECT retry_count FROM pgboss.job WHERE name = 'lede-ingest'
         UNION ALL SELECT retry_count FROM pgboss.archive WHERE name = 'lede-ingest') j`,
    )
    .then((result) => result.rows[0]?.n)
    .catch(() => undefined);
  await client.end();
  const totals = rows[0] as { documents: number; ids: number; externals: number; texts: number };
  const missing = ids.filter((id) => !stored.has(id));
  const queued = new Set(ids);
  const unexpected = [...stored].filter((id) => !queued.has(id));
  console.log(`  kills: ${killed.join('; ')}`);
  console.log(
    `  drained in ${((drained - started) / 1000).toFixed(0)} s (workers' own linking included), load ${load()}`,
  );
  console.log('\ncheck                                   value     ok');
  const row = (label: string, value: number | string, ok: boolean) =>
    console.log(`${label.padEnd(38)}  ${String(value).padStart(7)}  ${ok ? 'yes' : 'NO'}`);
  row('documents stored', totals.documents, totals.documents === count);
  row('queued ids not stored', missing.length, missing.length === 0);
  row('stored ids not queued', unexpected.length, unexpected.length === 0);
  row('duplicate document ids', totals.documents - totals.ids, totals.documents === totals.ids);
  row('duplicate external ids', totals.documents - totals.externals, totals.documents === totals.externals);
  row('documents with the same text', totals.documents - totals.texts, totals.documents === totals.texts);
  row('jobs queued', jobs.queued ?? -1, jobs.queued === 0);
  row('jobs running', jobs.running ?? -1, jobs.running === 0);
  row('jobs failed', jobs.failed ?? -1, jobs.failed === 0);
  row('jobs done', jobs.done ?? -1, jobs.done === count);
  if (retried !== undefined) row('jobs handed out again (retries)', retried, true);
  if (!values.keep) await dropDatabase(name);
}

async function search(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number);
  const rounds = Number(values.rounds);
  const smallest = Math.min(...sizes);
  const columns: { title: string; timings: Awaited<ReturnType<typeof timeSearches>> }[] = [];
  for (const size of sizes) {
    process.stderr.write(`PostgreSQL store of ${size}…\n`);
    const url = await buildPostgresSearchStore(size);
    if (values['build-only']) continue;
    const store = await openStore(url);
    process.stderr.write(`  timing, load ${load()}\n`);
    columns.push({ title: `PG ${size / 1000}k`, timings: await timeSearches(store, rounds) });
    await store.close();
  }
  if (values['build-only']) return;
  process.stderr.write(`SQLite store of ${smallest}…\n`);
  const sqlite = await openStore(await buildSqliteSearchStore(smallest));
  process.stderr.write(`  timing, load ${load()}\n`);
  columns.push({ title: `SQLite ${smallest / 1000}k`, timings: await timeSearches(sqlite, rounds) });
  await sqlite.close();
  console.log(`\nsearch, one at a time through store.search(), ${rounds} rounds after a warm-up; load ${load()}`);
  console.log(`${''.padEnd(22)}${columns.map((c) => c.title.padStart(22)).join('')}`);
  console.log(`${'(median ms, matches)'.padEnd(22)}`);
  for (const [i, s] of SEARCHES.entries()) {
    console.log(
      `${s.label.padEnd(22)}${columns
        .map((c) =>
          `${(c.timings.medians[i] ?? 0).toFixed(1)} ms ${String(c.timings.totals[i]).padStart(8)}`.padStart(22),
        )
        .join('')}`,
    );
  }
  for (const p of [50, 95, 99]) {
    console.log(
      `${`p${p} over all`.padEnd(22)}${columns.map((c) => `${percentile(c.timings.all, p).toFixed(1)} ms`.padStart(22)).join('')}`,
    );
  }
  for (const column of columns.slice(0, -1)) {
    const p99 = percentile(column.timings.all, 99);
    console.log(`${column.title}: p99 ${p99.toFixed(0)} ms, target <= 100 ms: ${p99 <= 100 ? 'yes' : 'NO'}`);
  }
  if (!values.keep) await dropSearchDatabases(sizes);
}

if (values.scaling) await scaling();
if (values.fault) await fault();
if (values.search) await search();
if (!values.scaling && !values.fault && !values.search) console.error('choose --scaling, --fault or --search');
