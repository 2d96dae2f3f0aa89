import { isPostgresUrl } from '../resources/index.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore, type WriteLockOptions } from './sqlite/index.js';
import type { Store } from './store.js';

export interface OpenStoreOptions extends WriteLockOptions {
  /** Open for reading only; the store must exist. */
  readonly?: boolean;
}

/**
 * Opens the store at `location`: a SQLite file path (the embedded default), or a `postgres://` or
 * `postgresql://` URL of a PostgreSQL database shared by several processes and machines.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return openPostgresStore(location, options);
  return openSqliteStore(location, options);
}
