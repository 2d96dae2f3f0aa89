import { Command, CommanderError } from 'commander';
import { errorMessage, LedeError } from '../errors.js';
import { registerCommands } from './commands/index.js';
import { wrapToWidth } from './help-wrap.js';

/** Exit statuses: 0 everything worked, 1 some inputs failed (the rest were stored), 2 usage errors. */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

const program = new Command('lede')
  .description(
    'lede turns a pile of scraped news into a searchable record of who said what, when, about whom.\n\n' +
      'Start with:\n' +
      '  lede ingest ./articles          read files, folders, WARC, JSONL, feeds or URLs into lede.sqlite\n' +
      '  lede search "drone strike"      full-text search with snippets\n' +
      '  lede show ID                    one article with its metadata and layers\n' +
      '  lede serve                      browse it all at http://127.0.0.1:7878',
  )
  .option(
    '--db <path>',
    'SQLite database file, or postgres://… URL of a PostgreSQL database shared by several machines',
    process.env.LEDE_DB ?? 'lede.sqlite',
  )
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ writeOut: (text) => process.stdout.write(wrapToWidth(text, process.stdout.columns)) })
  .exitOverride();

registerCommands(program);

// `lede … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (process.env.LEDE_REPORT_PEAK_RSS) {
  // For `lede bench`: the whole process's peak resident memory, worker threads included.
  process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT.usage;
  } else if (error instanceof LedeError) {
    process.stderr.write(`lede: ${error.message}\n`);
    process.exitCode = error.code === 'USAGE' ? EXIT.usage : EXIT.partial;
  } else {
    process.stderr.write(`lede: ${errorMessage(error)}\n`);
    if (process.env.LEDE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.partial;
  }
}
