import type { Command } from 'commander';
import type { Store } from '../store/index.js';

/** The global options every command sees (`--db`). */
export function globalOptions(command: Command): { db: string } {
  return command.optsWithGlobals() as { db: string };
}

/** Opens the store named by --db for the length of `work`, closing it afterwards whatever happens. */
export async function withStore<T>(command: Command, work: (store: Store) => Promise<T> | T): Promise<T> {
  const { openSqliteStore } = await import('../store/index.js');
  const store = openSqliteStore(globalOptions(command).db);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
