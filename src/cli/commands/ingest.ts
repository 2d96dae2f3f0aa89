import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { isLayerName, type LayerName } from '../../model/index.js';
import type { LinkSummary } from '../../pipeline/index.js';
import { printableLocation } from '../../resources/index.js';
import { globalOptions, printJson, reportPendingLink, requirePostgres, withStore } from '../context.js';
import { failureLines } from '../failure-report.js';
import { createFetchContext } from '../fetch-context.js';
import { linkWithProgress } from '../link-progress.js';
import { parsePositiveInt } from '../options.js';
import { printable } from '../printable.js';
import { createProgress, plural } from '../progress.js';
import { listenForStopRequest } from '../stop-request.js';

export interface IngestCliOptions {
  json?: boolean;
  batch?: number;
  layers?: string;
  allowPrivate?: boolean;
  rate?: number;
  timeout?: number;
  maxBytes?: number;
  workers?: number;
  link?: boolean;
  queue?: boolean;
  jobTimeout?: number;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .argument('<inputs...>', 'files, folders (walked recursively), WARC/JSONL(.gz) files, feeds, or http(s) URLs')
    .description('Read, clean, analyse and store articles; the same input twice is stored once')
    .option('--batch <n>', 'documents per transaction', parsePositiveInt, 200)
    .option('--layers <list>', 'comma-separated layers to compute (default: all)')
    .option(
      '--workers <n>',
      'worker threads for cleaning and analysis (default: one per core; 0 for none)',
      parsePositiveInt,
    )
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
    .option('--rate <n>', 'requests per second to any one host', Number, 1)
    .option('--timeout <seconds>', 'give up on a page after this many seconds', Number, 15)
    .option('--max-bytes <n>', 'largest document accepted, in bytes', parsePositiveInt, 20 * 1024 * 1024)
    .option('--no-link', 'skip linking the corpus (versions, stories, identities) afterwards; run lede link later')
    .option('--queue', 'only read the inputs and queue them for lede worker processes (a PostgreSQL store)')
    .option(
      '--job-timeout <seconds>',
      'with --queue: a job taken this long without being done counts as lost (its worker killed) and is handed out again',
      parsePositiveInt,
      900,
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Inputs are recognised by content as well as by extension: plain-text scrape dumps (.txt), HTML
pages, WARC and WARC.gz archives, JSONL and JSONL.gz ({id?, url?, title?, text?, html?, published?}
per line, the id kept as the document's external id), RSS/Atom feeds (each item's page fetched),
single page URLs, and folders.

Limits: a document, JSONL line or WARC record over --max-bytes fails alone (it is never held whole);
a gzip input that decompresses to more than 100 times its size is refused as a compression bomb
after the records before it; a folder walk skips symlinks that lead outside the folder.

A bad input gets one line naming it and the reason, and never stops the rest. Ctrl-C stops after
the batch in flight is committed; run the same command again to resume. After a crash or a kill at
any moment, the same command stores what is missing and finishes the linking left pending. Another
lede process writing the same database (an ingest, lede link) is waited for, not an error.

Exit status: 0 everything ingested, 1 some inputs failed (the rest are stored), 2 usage error.

With a PostgreSQL store (--db postgres://…), --queue reads the inputs and queues every record not yet
stored; lede worker processes on any machines analyse, store and link them, and lede jobs shows the
queue. Without --queue this command analyses and stores by itself, whichever the store.

Examples:
  lede ingest ./scrapes/
  lede ingest articles.jsonl.gz --db corpus.sqlite
  lede ingest https://example.org/feed.xml --rate 0.5
  lede ingest ./scrapes/ --db postgres://lede@db.example.org/news --queue`,
    )
    .action(async (inputs: string[], options: IngestCliOptions, command: Command) => {
      if (options.queue) return queueInputs(inputs, options, command);
      const layers = parseLayers(options.layers);
      const { ingestInputs } = await import('../../pipeline/index.js');
      const stop = listenForStopRequest();
      const counts = '{ingested} stored | {duplicates} duplicates | {failed} failed | {rate} docs/s';
      const progress = await createProgress(
        `{bar} {percentage}% of {size} | ${counts} | {left} left | {current}`,
        `{sources} inputs | ${counts} | {current}`,
      );
      const { formatBytes, measureInputs } = await import('../../ingest/index.js');
      // By bytes, not records: a .jsonl.gz or a WARC holds an unknown number of records until read.
      const size = await measureInputs(inputs);
      const totalBytes = size.urls === 0 && size.bytes > 0 ? size.bytes : undefined;
      const started = Date.now();
      const context = await createFetchContext(options);
      let linkSummary: LinkSummary | undefined;
      const summary = await withStore(
        command,
        async (store) => {
          const result = await ingestInputs(store, inputs, {
            context,
            layers,
            batchSize: options.batch,
            workers: options.workers,
            // Nothing here prints the ids, and a large corpus would hold them all to the end.
            listIds: 0,
            shouldStop: stop.requested,
            onProgress: (p) => {
              const records = p.ingested + p.duplicates + p.failed;
              const seconds = Math.max((Date.now() - started) / 1000, 0.001);
              progress.update(totalBytes === undefined ? records : p.bytesRead, totalBytes, {
                size: formatBytes(totalBytes ?? 0),
                sources: p.sources,
                ingested: p.ingested,
                duplicates: p.duplicates,
                failed: p.failed,
                rate: Math.round(records / seconds),
                current: printable((p.currentSource ?? '').slice(-40)),
              });
            },
          });
          progress.stop();
          // The mark, not this run's count: a run that finds everything stored still finishes the
          // linking a crashed run (this command or `lede link`) left undone.
          if (options.link !== false && !result.interrupted && (await store.pendingLink())) {
            const linked = await linkWithProgress(store);
            linkSummary = linked;
            if (!options.json) {
              process.stderr.write(
                `linked: ${plural(linked.duplicateGroups, 'group')} of versions, ${plural(linked.stories, 'story', 'stories')} (${linked.seconds.toFixed(1)} s)\n`,
              );
            }
          } else if (options.link === false) await reportPendingLink(store);
          return result;
        },
        'own',
      ).finally(() => {
        progress.stop();
        stop.dispose();
        return context.close();
      });
      if (options.json) {
        printJson({
          ingested: summary.ingested,
          duplicates: summary.duplicates,
          failed: summary.failed,
          interrupted: summary.interrupted,
          failures: summary.failures,
          ...(linkSummary ? { link: linkSummary } : {}),
        });
      } else {
        const out = process.stderr;
        for (const line of failureLines(summary.failures)) out.write(`${line}\n`);
        out.write(
          `${summary.ingested} ingested, ${plural(summary.duplicates, 'duplicate')} skipped, ${summary.failed} failed` +
            `${summary.interrupted ? ' (interrupted: run again to resume)' : ''}\n`,
        );
      }
      if (summary.failed > 0) process.exitCode = 1;
    });
}

export function parseLayers(list: string | undefined): Set<LayerName> | undefined {
  if (!list) return undefined;
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isLayerName(name));
  if (unknown.length) throw new LedeError('USAGE', `unknown layer ${unknown.join(', ')}`);
  return new Set(names as LayerName[]);
}

/** `lede ingest --queue`: reads the inputs and queues what is not stored yet, for `lede worker` to analyse. */
async function queueInputs(inputs: string[], options: IngestCliOptions, command: Command): Promise<void> {
  const { db } = globalOptions(command);
  requirePostgres(db, 'ingest --queue');
  const { enqueueInputs, IngestQueue } = await import('../../pipeline/index.js');
  const context = await createFetchContext(options);
  const summary = await withStore(
    command,
    async (store) => {
      const queue = await IngestQueue.open(db, { jobTimeoutSeconds: options.jobTimeout });
      try {
        const progress = await createProgress('{sources} inputs | {queued} queued | {known} already stored', '');
        const result = await enqueueInputs(store, queue, inputs, {
          context,
          batchSize: options.batch,
          onProgress: (p) =>
            progress.update(p.queued, undefined, { sources: p.sources, queued: p.queued, known: p.known }),
        });
        progress.stop();
        return result;
      } finally {
        await queue.close();
      }
    },
    'own',
  );
  if (options.json) printJson(summary);
  else {
    process.stderr.write(
      `queued ${plural(summary.queued, 'record')} (${summary.known} already stored, ${summary.failed} unreadable); ` +
        `lede worker --db ${printableLocation(db)} analyses them, lede jobs shows the queue\n`,
    );
    for (const failure of summary.failures)
      process.stderr.write(`  ${printable(failure.uri)}: ${printable(failure.reason)}\n`);
  }
  if (summary.failed > 0) process.exitCode = 1;
}
