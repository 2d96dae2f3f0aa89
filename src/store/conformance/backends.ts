import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenStoreOptions, openStore } from '../open.js';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import type { Store } from '../store.js';

/**
 * What the store's shared test suites (`*-cases.ts`) run against: each backend opens real stores,
 * no mocks. A suite is written once and run by `store.sqlite.test.ts` and `store.postgres.test.ts`.
 */
export interface StoreBackend {
  name: 'SQLite' | 'PostgreSQL';
  /**
   * The store called `name` in the current test, created empty the first time; opening the same
   * name again opens a second connection to it, as a second process would.
   */
  open(name?: string, options?: OpenStoreOptions): Promise<Store>;
  /** Closes every store the test opened and deletes them: call it after each test. */
  cleanup(): Promise<void>;
}

abstract class Backend {
  private opened: Store[] = [];

  protected abstract locate(name: string): Promise<string>;
  protected abstract forget(): Promise<void>;

  async open(name = 'test', options: OpenStoreOptions = {}): Promise<Store> {
    const store = await openStore(await this.locate(name), options);
    this.opened.push(store);
    return store;
  }

  async cleanup(): Promise<void> {
    const opened = this.opened;
    this.opened = [];
    for (const store of opened) await store.close();
    await this.forget();
  }
}

class SqliteBackend extends Backend implements StoreBackend {
  readonly name = 'SQLite' as const;
  private dir: string | undefined;

  protected async locate(name: string): Promise<string> {
    this.dir ??= mkdtempSync(join(tmpdir(), 'lede-store-'));
    return join(this.dir, `${name}.sqlite`);
  }

  protected async forget(): Promise<void> {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

class PostgresBackend extends Backend implements StoreBackend {
  readonly name = 'PostgreSQL' as const;
  private databases = new Map<string, TestDatabase>();

  protected async locate(name: string): Promise<string> {
    let database = this.databases.get(name);
    if (!database) {
      database = await createTestDatabase();
      this.databases.set(name, database);
    }
    return database.url;
  }

  protected async forget(): Promise<void> {
    const databases = [...this.databases.values()];
    this.databases = new Map();
    for (const database of databases) await database.drop();
  }
}

export function sqliteBackend(): StoreBackend {
  return new SqliteBackend();
}

export function postgresBackend(): StoreBackend {
  return new PostgresBackend();
}
