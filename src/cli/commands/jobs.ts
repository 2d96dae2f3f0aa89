import type { Command } from 'commander';
import { printableLocation } from '../../resources/index.js';
import { globalOptions, printJson, requirePostgres } from '../context.js';
import { parsePositiveInt } from '../options.js';
import { printable } from '../printable.js';

export function register(program: Command): void {
  program
    .command('jobs')
    .description('Show the ingest queue of a PostgreSQL store: queued, running, done and failed jobs, throughput, ETA')
    .option('--failed <n>', 'list this many of the latest failed jobs with their reasons', parsePositiveInt, 10)
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nThroughput is the jobs finished over the last five minutes, or since the first of them finished when that\nwas later; the ETA divides the queued and running jobs by it.\n' +
        'Jobs come from lede ingest --queue and are drained by lede worker.',
    )
    .action(async (options: { failed: number; json?: boolean }, command: Command) => {
      const { db } = globalOptions(command);
      requirePostgres(db, 'jobs');
      const { IngestQueue } = await import('../../pipeline/index.js');
      const queue = await IngestQueue.open(db);
      try {
        const counts = await queue.counts();
        const failures = options.failed > 0 ? await queue.failures(options.failed) : [];
        const { perSecond, etaSeconds } = counts;
        if (options.json) {
          printJson({ ...counts, etaSeconds: etaSeconds ?? null, failures });
          return;
        }
        process.stdout.write(
          `queue of ${printableLocation(db)}\n` +
            `  queued   ${counts.queued}\n  running  ${counts.running}\n  done     ${counts.done}\n  failed   ${counts.failed}\n` +
            `  rate     ${(perSecond * 60).toFixed(1)} jobs/min (over the last ${Math.round(counts.window)} s)\n` +
            `  ETA      ${etaSeconds === undefined ? 'unknown: no job finished lately (is a worker running?)' : formatDuration(etaSeconds)}\n`,
        );
        if (failures.length > 0) {
          process.stdout.write(`latest failed jobs:\n`);
          for (const failure of failures)
            process.stdout.write(`  ${printable(failure.uri)}: ${printable(failure.reason)} (${failure.at})\n`);
        }
      } finally {
        await queue.close();
      }
    });
}

function formatDuration(seconds: number): string {
  if (seconds === 0) return 'nothing left';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
