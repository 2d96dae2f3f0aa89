import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { PROJECT_ROOT } from '../../resources/index.js';
import { globalOptions } from '../context.js';
import { failureLines } from '../failure-report.js';
import { createFetchContext } from '../fetch-context.js';
import { linkWithProgress } from '../link-progress.js';
import { parsePositiveInt } from '../options.js';
import { serve } from './serve.js';

/** The project's own fictional example corpus, shipped beside the code. */
export const EXAMPLE_CORPUS = join(PROJECT_ROOT, 'examples/corpus');

/** The corpus's article files: its README describes the corpus and is no article. */
export function exampleCorpusFiles(): string[] {
  return readdirSync(EXAMPLE_CORPUS)
    .filter((name) => name !== 'README.md')
    .sort()
    .map((name) => join(EXAMPLE_CORPUS, name));
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('Ingest the bundled fictional example corpus into the database and serve it (what `npm start` runs)')
    .option('--port <n>', 'port', parsePositiveInt, 7878)
    .option('--no-serve', 'ingest only')
    .option(
      '--token <secret>',
      'bearer token for writes (the Ingest page, entity curation); without one the workbench only reads',
      process.env.LEDE_TOKEN,
    )
    .action(async (options: { port: number; serve: boolean; token?: string }, command: Command) => {
      const db = globalOptions(command).db;
      const { ingestInputs } = await import('../../pipeline/index.js');
      const { openStore } = await import('../../store/index.js');
      const store = await openStore(db);
      try {
        // The example corpus is local files: nothing is fetched, but the context is closed all the same.
        const context = await createFetchContext({});
        const summary = await ingestInputs(store, exampleCorpusFiles(), { context, listIds: 0 }).finally(() =>
          context.close(),
        );
        await linkWithProgress(store);
        process.stderr.write(
          `example corpus: ${summary.ingested} ingested, ${summary.duplicates} already there, ${summary.failed} failed (${join(db)})\n`,
        );
        for (const line of failureLines(summary.failures)) process.stderr.write(`${line}\n`);
      } finally {
        await store.close();
      }
      if (!options.serve) return;
      if (!options.token) {
        process.stderr.write('read-only: pass --token SECRET (or LEDE_TOKEN) to ingest and curate from the browser\n');
      }
      await serve(db, { host: '127.0.0.1', port: options.port, token: options.token });
    });
}
