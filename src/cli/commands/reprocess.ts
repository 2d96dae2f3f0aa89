import type { Command } from 'commander';
import { printJson, withStore } from '../context.js';
import { linkWithProgress } from '../link-progress.js';
import { parsePositiveInt } from '../options.js';
import { createProgress } from '../progress.js';

export function register(program: Command): void {
  program
    .command('reprocess')
    .description('Re-clean and re-analyse stored documents that a newer stage or newly learnt boilerplate makes stale')
    .option('--all', 'redo every document')
    .option('--workers <n>', 'worker threads (default: one per core; 0 for none)', parsePositiveInt)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nRun it after upgrading lede (new models, new rules) or after a large ingest: lines that recur across\nmany documents of one outlet are learnt as boilerplate, and documents stored before then lose them now.',
    )
    .action(async (options: { all?: boolean; workers?: number; json?: boolean }, command: Command) => {
      const { reprocessDocuments } = await import('../../pipeline/index.js');
      const progress = await createProgress(
        'reprocessing {bar} {value}/{total} documents | {changed} changed | {left} left',
        'reprocessing {value} documents | {changed} changed',
      );
      const result = await withStore(
        command,
        async (store) => {
          const total = await store.countDocuments();
          const counts = await reprocessDocuments(store, {
            ...options,
            onProgress: (done, changed) => progress.update(done, total, { changed }),
          }).finally(() => progress.stop());
          // Reprocessed texts and layers make earlier versions and stories stale: link afresh. A rerun
          // after a crash finds nothing to change but the mark, which asks for the rebuild.
          if (counts.changed > 0 || (await store.pendingLink()))
            await linkWithProgress(store, { rebuild: counts.changed > 0 });
          return counts;
        },
        'own',
      );
      if (options.json) printJson(result);
      else process.stderr.write(`${result.changed} of ${result.seen} documents reprocessed\n`);
    });
}
