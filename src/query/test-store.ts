import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../store/index.js';

export interface TempStore {
  store: Store;
  /** Closes the store and deletes its folder. */
  remove(): Promise<void>;
}

/** A fresh SQLite store in its own temporary folder, for the query tests. */
export function openTempStore(prefix: string): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openSqliteStore(join(dir, 'query.sqlite'));
  return {
    store,
    remove: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
