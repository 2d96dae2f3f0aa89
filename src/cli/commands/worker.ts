import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printableLocation } from '../../resources/index.js';
import { globalOptions, requirePostgres, withStore } from '../context.js';
import { parsePositiveInt } from '../options.js';
import { plural } from '../progress.js';
import { parseLayers } from './ingest.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description('Analyse and store queued articles (lede ingest --queue) from a PostgreSQL store; run one per machine')
    .option('-c, --concurrency <n>', 'analysis threads, each taking its own jobs', parsePositiveInt, 1)
    .option('--layers <names>', 'comma-separated layers to compute (default: all)')
    .option('--until-empty', 'stop once the queue is empty and the corpus linked, instead of waiting for more')
    .addHelpText(
      'after',
      `
Any number of workers, on any machines that reach the database, share one queue. Each takes a few
jobs at a time, analyses them, stores the documents and marks the jobs done; when the queue runs dry,
one of them links the corpus (versions, stories, identities, claims, timeline).

A worker killed mid-job loses nothing: once a job has been taken longer than its timeout (set when it
was queued: lede ingest --queue --job-timeout) it is handed to another worker, and storing is
idempotent by content, so nothing is stored twice. A record that fails its analysis is retried
twice, then kept as a failed job with the reason (lede jobs lists them). Ctrl-C or SIGTERM stops
after the jobs in hand.

Examples:
  lede ingest ./scrapes --db postgres://lede@db/news --queue
  lede worker --db postgres://lede@db/news --concurrency 4
  lede jobs --db postgres://lede@db/news`,
    )
    .action(async (options: { concurrency: number; layers?: string; untilEmpty?: boolean }, command: Command) => {
      const { db } = globalOptions(command);
      requirePostgres(db, 'worker');
      if (options.concurrency < 1) throw new LedeError('USAGE', '--concurrency must be at least 1');
      const { IngestQueue, runWorker } = await import('../../pipeline/index.js');
      let stopping = false;
      const onSignal = () => {
        if (stopping) process.exit(130);
        stopping = true;
        process.stderr.write(
          'stopping after the jobs in hand (Ctrl-C again to quit now; they will be handed out again)\n',
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await withStore(
          command,
          async (store) => {
            const queue = await IngestQueue.open(db);
            process.stderr.write(
              `worker on ${printableLocation(db)}: ${plural(options.concurrency, 'thread')}, waiting for jobs…\n`,
            );
            try {
              const started = Date.now();
              const summary = await runWorker(store, queue, {
                concurrency: options.concurrency,
                layers: parseLayers(options.layers),
                untilEmpty: options.untilEmpty === true,
                shouldStop: () => stopping,
                onWait: (running) =>
                  process.stderr.write(
                    `queue empty; ${plural(running, 'job')} taken by other workers (a lost worker's jobs come back after their timeout)\n`,
                  ),
                onProgress: (progress) => {
                  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
                  process.stderr.write(
                    `${progress.stored} stored | ${progress.duplicates} already stored | ${progress.failed} failed | ` +
                      `${(progress.stored / seconds).toFixed(1)} docs/s${progress.lastLink ? ` | linked ${plural(progress.linked, 'time')}` : ''}\n`,
                  );
                },
              });
              process.stderr.write(
                `worker done: ${plural(summary.stored, 'document')} stored, ${summary.duplicates} already stored, ${summary.failed} failed\n`,
              );
            } finally {
              await queue.close();
            }
          },
          'own',
        );
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
