import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printableLocation } from '../../resources/index.js';
import { globalOptions, openStore, reportPendingLink, requirePostgres } from '../context.js';
import { parsePositiveInt } from '../options.js';

export interface ServeOptions {
  host: string;
  port: number;
  token?: string;
  allowPrivate?: boolean;
  allowHost?: string[];
  maxBytes?: number;
  searchTimeout?: number;
  readers?: number;
  queue?: boolean;
}

/** How long a write of the server's own (curation) waits for another process's write lock. */
const SERVER_WRITE_WAIT_MS = 3_000;

/** After SIGTERM, what closing may take before the process exits regardless. */
const SHUTDOWN_GRACE_MS = 2_000;

export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the web UI over the database')
    .option('--host <address>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--port <n>', 'port', parsePositiveInt, 7878)
    .option('--token <secret>', 'bearer token that writes (ingest, curation) must carry', process.env.LEDE_TOKEN)
    .option(
      '--allow-host <name>',
      'answer requests for this Host name too (repeatable), e.g. the name a reverse proxy forwards; others are refused',
      (name: string, names: string[] = []) => [...names, name],
    )
    .option(
      '--max-bytes <n>',
      'largest upload (one body, or all files of one job) and largest document an ingest accepts, in bytes',
      parsePositiveInt,
      20 * 1024 * 1024,
    )
    .option('--allow-private', 'let ingest jobs fetch URLs on private, loopback and link-local addresses')
    .option(
      '--search-timeout <ms>',
      'stop a search after this many milliseconds and answer 503',
      parsePositiveInt,
      5000,
    )
    .option(
      '--readers <n>',
      'processes that answer searches, each with its own read-only connection',
      parsePositiveInt,
      2,
    )
    .option(
      '--queue',
      'ingest jobs queue their records for lede worker processes instead of analysing here (PostgreSQL)',
    )
    .addHelpText(
      'after',
      '\nReads are open on loopback. Every write needs "Authorization: Bearer <token>" and is refused\nwhen a browser says it comes from another site. Requests must name this server as Host\n(localhost, the bound address, or an --allow-host name), which stops DNS rebinding.\n\nExamples:\n  lede serve\n  LEDE_TOKEN=s3cret lede serve --host 0.0.0.0 --port 8080',
    )
    .action(async (options: ServeOptions, command: Command) => {
      await serve(globalOptions(command).db, options);
    });
}

/** Starts the server and keeps it running until SIGINT/SIGTERM. */
export async function serve(db: string, options: ServeOptions): Promise<void> {
  const { createServer, isLoopback, readersWarm } = await import('../../server/index.js');
  if (options.queue) requirePostgres(db, 'serve --queue');
  if (!isLoopback(options.host) && !options.token) {
    throw new LedeError(
      'USAGE',
      `refusing to bind ${options.host} without a token: anyone on the network could write; pass --token or LEDE_TOKEN`,
    );
  }
  // A curation write waits briefly for another process's write (a CLI ingest linking for minutes)
  // and then answers 503: a long wait would hold the one thread every request needs.
  const store = await openStore(db, { waitMs: SERVER_WRITE_WAIT_MS });
  // The server's own ingests link after each job; until one runs, say what is pending.
  await reportPendingLink(store);
  const app = createServer({
    store,
    token: options.token,
    boundHost: options.host,
    allowedHosts: options.allowHost,
    maxIngestBytes: options.maxBytes,
    fetch: { allowPrivate: options.allowPrivate ?? false },
    readers: { processes: options.readers, timeoutMs: options.searchTimeout },
    queueIngest: options.queue === true,
  });
  const close = async () => {
    // Searches and exports are cut off by the close hooks; anything else gets a short grace.
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  const address = await app.listen({ host: options.host, port: options.port });
  // Said once searches are answered at their usual speed, not while the read processes still start.
  await readersWarm(app, 30_000);
  process.stderr.write(
    `lede is serving ${printableLocation(db)} at ${address.replace('127.0.0.1', 'localhost')} (Ctrl-C to stop)\n`,
  );
}
