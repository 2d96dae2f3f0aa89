import Database from 'better-sqlite3';
import { LedeError } from '../../errors.js';
import type { Store } from '../store.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';
import { DEFAULT_BUSY_MS, WriteLock, type WriteLockOptions } from './write-lock.js';

/** Opens (creating and migrating if needed) a SQLite store: WAL, foreign keys, one file. */
export function openSqliteStore(path: string, options: { readonly?: boolean } & WriteLockOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new LedeError('STORE', `cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${DEFAULT_BUSY_MS}`);
  const lock = new WriteLock(db, path, options);
  if (!options.readonly) migrate(db, lock);
  else if ((db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) {
    db.close();
    throw new LedeError('STORE', `the database ${path} needs upgrading: open it once for writing`);
  }
  return new SqliteStore(db, path, lock);
}
