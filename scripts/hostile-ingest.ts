/**
 * Runs the real `lede ingest` over the hostile corpus of `src/bench/hostile-inputs.ts` (written to
 * a temporary folder) and reports its peak RSS, whether it crashed, and whether every good document
 * was stored and every hostile input got a failure of its own. Build first (`npx tsc -p tsconfig.json`).
 *
 *   npx tsx scripts/hostile-ingest.ts [--max-bytes N (default 20971520, as lede ingest)] [--bomb-gb N (default 1)]
 *     [--workers N] [--no-deep-html]
 *
 * The deeply nested HTML pages (200,000 levels) are in by default: cleaning caps their depth.
 * --no-deep-html leaves them out, to measure the readers alone.
 *
 * Exits 1 when the run falls short of the target: a crash, a problem listed, or a peak RSS over 1 GB.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkHostileOutcome, writeHostileCorpus } from '../src/bench/hostile-inputs.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const maxBytes = Number(option('max-bytes') ?? 20 * 1024 * 1024);
const bombBytes = Number(option('bomb-gb') ?? 1) * 1024 ** 3;
const workers = option('workers');
const deepHtml = !args.includes('--no-deep-html');
const LEDE = resolve(import.meta.dirname, '../bin/lede.js');
const RSS_TARGET_KB = 1024 * 1024;

const root = await mkdtemp(join(tmpdir(), 'lede-hostile-'));
try {
  const corpus = join(root, 'corpus');
  await mkdir(corpus);
  const inputs = await writeHostileCorpus(corpus, { maxDocumentBytes: maxBytes, bombBytes, deepHtml });
  const db = join(root, 'lede.sqlite');
  const ingestArgs = ['--db', db, 'ingest', corpus, '--json', '--no-link', '--max-bytes', String(maxBytes)];
  if (workers !== undefined) ingestArgs.push('--workers', workers);
  // GNU time reports the peak resident set of the process and its worker threads (%M, in KB).
  const run = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb=%M seconds=%e', process.execPath, LEDE, ...ingestArgs], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CI: '1' },
  });
  const timing = /peak-rss-kb=(\d+) seconds=([\d.]+)/.exec(run.stderr);
  const peakKb = Number(timing?.[1] ?? Number.NaN);
  const crashed = !timing || !/^\{/.test(run.stdout.trim()) || (run.status !== 0 && run.status !== 1);
  const summary = crashed ? undefined : JSON.parse(run.stdout);
  const exported = spawnSync(process.execPath, [LEDE, '--db', db, 'export'], {
    encoding: 'utf8',
    maxBuffer: 1024 ** 3,
  });
  const recordUris = exported.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).source.uri as string);
  const problems = crashed
    ? [`lede ingest crashed (exit ${run.status}, signal ${run.signal}): ${run.stderr.slice(-2000)}`]
    : checkHostileOutcome(corpus, inputs, { recordUris, failures: summary.failures });
  const hostile = inputs.filter((input) => input.expect !== 'good').length;
  const good = inputs.reduce((sum, input) => sum + input.documents, 0);
  console.log(
    [
      `inputs: ${inputs.length} (${hostile} hostile), good documents expected: ${good}`,
      `lede ingest: exit ${run.status}, ${timing?.[2] ?? '?'} s, peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
      `stored: ${recordUris.length}, duplicates: ${summary?.duplicates ?? '?'}, failures: ${summary?.failures.length ?? '?'}`,
      problems.length ? `problems:\n  ${problems.join('\n  ')}` : 'problems: none',
    ].join('\n'),
  );
  if (crashed || problems.length > 0 || !(peakKb <= RSS_TARGET_KB)) process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
