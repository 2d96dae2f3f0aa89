import type Database from 'better-sqlite3';
import { LedeError } from '../../errors.js';

/** How long a first try for the write lock lasts before the wait is announced. */
const QUIET_WAIT_MS = 300;
/** Linking a large corpus holds the lock for minutes; a writer waits this long before giving up. */
export const WRITER_WAIT_MS = 30 * 60 * 1000;
/** Reads and the rare busy moments outside write transactions. */
export const DEFAULT_BUSY_MS = 5000;

export interface WriteLockOptions {
  /** Called once per wait when another process holds the write lock (for a visible "waiting…" line). */
  onWait?: (location: string) => void;
  /** Overrides WRITER_WAIT_MS (tests). */
  waitMs?: number;
}

/**
 * One database's write lock, shared by every process through SQLite's own. Transactions begin with
 * BEGIN IMMEDIATE: a deferred transaction that reads first and then writes cannot wait for a writer
 * that committed in between (SQLITE_BUSY at once, whatever the busy timeout), which is how a second
 * ingest used to die with "database is locked". A transaction begun inside another joins it as a
 * savepoint, so linking can hold the lock across all its writes and commit them as one.
 */
export class WriteLock {
  constructor(
    private readonly db: Database.Database,
    private readonly location: string,
    private readonly options: WriteLockOptions = {},
  ) {}

  run<T>(work: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(work)();
    this.begin();
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  /**
   * `work` runs in one transaction even across awaits: anything else this connection does meanwhile
   * is part of it, and a crash or a throw keeps none of it.
   */
  async runAsync<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return work();
    this.begin();
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private begin(): void {
    try {
      this.beginWithin(QUIET_WAIT_MS);
    } catch (error) {
      if (!isBusy(error)) throw error;
      this.options.onWait?.(this.location);
      const waitMs = this.options.waitMs ?? WRITER_WAIT_MS;
      try {
        this.beginWithin(waitMs);
      } catch (again) {
        if (!isBusy(again)) throw again;
        throw new LedeError(
          'STORE',
          `${this.location}: another process kept writing for ${Math.round(waitMs / 1000)} s; run again once it has finished`,
          { cause: again },
        );
      }
    }
  }

  private beginWithin(ms: number): void {
    this.db.pragma(`busy_timeout = ${ms}`);
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } finally {
      this.db.pragma(`busy_timeout = ${DEFAULT_BUSY_MS}`);
    }
  }

  private rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
