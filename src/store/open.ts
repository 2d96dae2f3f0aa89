import { LedeError } from '../errors.js';
import { openSqliteStore, type WriteLockOptions } from './sqlite/index.js';
import type { Store } from './store.js';

export interface OpenStoreOptions extends WriteLockOptions {
  /** Open for reading only; the store must exist. */
  readonly?: boolean;
}

/**
 * Opens the store at `location`: a SQLite file path today. A `postgres://` or `postgresql://` URL
 * will open a PostgreSQL store; until that backend exists it is refused with a clear error.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    throw new LedeError('STORE', `${withoutPassword(location)}: PostgreSQL stores are not available yet`);
  }
  return openSqliteStore(location, options);
}

function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL as it may be printed: a password in it is replaced by `***`. */
function withoutPassword(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
