import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import type { LinkSummary } from '../../pipeline/index.js';
import { isPostgresUrl, printableLocation } from '../../resources/index.js';
import type { Store } from '../../store/index.js';
import { openStore, printJson } from '../context.js';
import { linkWithProgress } from '../link-progress.js';
import { parsePositiveInt } from '../options.js';
import { createProgress, plural } from '../progress.js';
import { listenForStopRequest } from '../stop-request.js';

interface MigrateOptions {
  from: string;
  to: string;
  append?: boolean;
  batch: number;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Copy a corpus into another store (a SQLite file into PostgreSQL) and link it there')
    .requiredOption('--from <location>', 'the store to copy: a SQLite file (or a postgres://… URL)')
    .requiredOption(
      '--to <location>',
      'the store to fill: a postgres://… URL of an existing database (or a SQLite file)',
    )
    .option(
      '--append',
      'copy into a store that already holds documents, skipping those it holds (finishes a stopped migration)',
    )
    .option('--batch <n>', 'documents per transaction on the target', parsePositiveInt, 200)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Copies every document whole, in the source's order: text, raw text, metadata, offset map, messages,
external id and source fields, every layer with the stage version that made it (so lede reprocess on
the target finds stale exactly what it would on the source), and the original bytes; then the inputs
that failed to read and the entity curation decisions (lede entities merge, rename, ...), each with
its time. Then it links the target as lede link does, so versions, stories, identities (with the
curation applied), claims and the timeline are there. The source is only read.

Kept as well: when each document was ingested. Not kept: the source's sequence numbers (the target
numbers documents itself, in the same order); the corpus results, which linking computes afresh
from the documents and curation (into an empty store, the same stories, versions and claims as the
source's); the ingest queue's jobs, which live only in a PostgreSQL store.

The target must hold no documents: a second migration into a used database is refused unless you
pass --append, which adds the source's documents to those there (a document the target holds is
skipped, as ingest skips it) and copies only the failures and decisions it lacks. Each batch is one
transaction: after a crash, a kill or Ctrl-C (which stops after the batch in flight), run the same
command with --append to finish; nothing is copied twice. The database named by --to must exist
(createdb); lede creates its tables. A password in a URL is never printed.

Examples:
  lede migrate --from lede.sqlite --to postgres://lede@db.example.org/news
  lede migrate --from lede.sqlite --to "$LEDE_DB" --json
  lede migrate --from lede.sqlite --to postgres://lede@db.example.org/news --append   # finish a stopped run`,
    )
    .action(async (options: MigrateOptions) => {
      const summary = await migrate(options);
      if (options.json) printJson(summary);
      else {
        process.stderr.write(
          `${plural(summary.copied, 'document')} copied from ${summary.from} to ${summary.to}` +
            `${summary.duplicates > 0 ? ` (${plural(summary.duplicates, 'document')} there already)` : ''}, ` +
            `${plural(summary.failures, 'failed input')}, ${plural(summary.curation, 'curation decision')}` +
            `${summary.interrupted ? ' (interrupted: run again with --append to finish)' : ''}\n`,
        );
        if (summary.link)
          process.stderr.write(
            `linked: ${plural(summary.link.duplicateGroups, 'group')} of versions, ` +
              `${plural(summary.link.stories, 'story', 'stories')} (${summary.link.seconds.toFixed(1)} s)\n`,
          );
      }
    });
}

async function migrate(options: MigrateOptions) {
  const from = printableLocation(options.from);
  const to = printableLocation(options.to);
  // Opening a SQLite path creates it: a mistyped --from would otherwise copy an empty corpus.
  if (!isPostgresUrl(options.from) && !existsSync(options.from))
    throw new LedeError('USAGE', `no database at ${from} (--from): name the SQLite file lede ingest wrote`);
  if (options.from === options.to) throw new LedeError('USAGE', `--from and --to both name ${from}`);
  const { copyStore } = await import('../../store/index.js');
  const source = await openStore(options.from, { readonly: true });
  let target: Store | undefined;
  const stop = listenForStopRequest();
  const progress = await createProgress(
    'copying {bar} {value}/{total} documents | {copied} copied | {duplicates} there already | {left} left',
    'copying {value} documents',
  );
  try {
    target = await openStore(options.to);
    const held = await target.countDocuments();
    if (held > 0 && !options.append) {
      throw new LedeError(
        'USAGE',
        `${to} already holds ${plural(held, 'document')}: --append adds the source's documents to them ` +
          '(skipping those it holds, so it also finishes a stopped migration), or name an empty database',
      );
    }
    const copy = await copyStore(source, target, {
      batchSize: options.batch,
      shouldStop: stop.requested,
      onProgress: (p) => progress.update(p.done, p.total, { copied: p.copied, duplicates: p.duplicates }),
    });
    progress.stop();
    let link: LinkSummary | undefined;
    // The mark, not this run's count: a rerun after a kill during linking links what was copied.
    if (!copy.interrupted && (await target.pendingLink())) link = await linkWithProgress(target);
    return { from, to, ...copy, ...(link ? { link } : {}) };
  } finally {
    progress.stop();
    stop.dispose();
    await target?.close();
    await source.close();
  }
}
