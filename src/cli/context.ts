import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { LedeError } from '../errors.js';
import { isPostgresUrl, printableLocation } from '../resources/index.js';
import type { Store } from '../store/index.js';
import { linkWithProgress } from './link-progress.js';

/** The global options every command sees (`--db`). */
export function globalOptions(command: Command): { db: string } {
  return command.optsWithGlobals() as { db: string };
}

/**
 * What a command does about linking left pending (a crash during ingest or linking, --no-link, or
 * an ingest still under way in another process). `report`: read commands say so and how to finish
 * it, since linking from them would take the write lock for minutes, stalling any ingest under way,
 * for a command the user expects to only read. `finish`: writers other than ingest and link link
 * first, so their result rests on a linked corpus. `own`: the command links by itself (ingest,
 * link, reprocess).
 */
export type PendingLinkPolicy = 'report' | 'finish' | 'own';

/** Opens the store named by --db, saying on stderr when it waits for another process's write. */
export async function openStore(db: string, options: { waitMs?: number; readonly?: boolean } = {}): Promise<Store> {
  const store = await import('../store/index.js');
  let announced = false;
  return store.openStore(db, {
    ...options,
    onWait: (location) => {
      if (announced) return;
      announced = true;
      process.stderr.write(`waiting for another lede process writing ${printableLocation(location)}…\n`);
    },
  });
}

/** Opens the store named by --db for the length of `work`, closing it afterwards whatever happens. */
export async function withStore<T>(
  command: Command,
  work: (store: Store) => Promise<T> | T,
  pendingLink: PendingLinkPolicy = 'report',
): Promise<T> {
  const { db } = globalOptions(command);
  // Opening creates the file: a mistyped --db for a read would otherwise answer from an empty corpus.
  if (pendingLink === 'report' && db !== ':memory:' && !isPostgresUrl(db) && !existsSync(db)) {
    throw new LedeError(
      'USAGE',
      `no database at ${db}: \`lede ingest FILES --db ${db}\` creates one, or --db (LEDE_DB) names another`,
    );
  }
  const store = await openStore(db);
  try {
    if (pendingLink === 'report') await reportPendingLink(store);
    else if (pendingLink === 'finish' && (await store.pendingLink())) await finishPendingLink(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Links what earlier runs left unlinked, saying so on stderr. */
export async function finishPendingLink(store: Store): Promise<void> {
  process.stderr.write(`finishing linking left pending in ${printableLocation(store.location)}…\n`);
  await linkWithProgress(store);
}

/** One stderr line when stored documents are not linked yet, naming the command that links them. */
export async function reportPendingLink(store: Store): Promise<void> {
  const pending = await store.pendingLink();
  if (!pending) return;
  process.stderr.write(
    `lede: documents stored in ${printableLocation(store.location)} since ${pending.since} are not linked yet ` +
      '(versions, stories, identities, claims, timeline): run lede link, unless an ingest is still under way\n',
  );
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Commands that share work between machines need a database they can all reach. */
export function requirePostgres(db: string, command: string): void {
  if (!isPostgresUrl(db)) {
    throw new LedeError(
      'USAGE',
      `lede ${command} works on a PostgreSQL store shared by several machines (--db postgres://…), not ${db}; ` +
        'on one machine, lede ingest analyses in parallel by itself',
    );
  }
}
