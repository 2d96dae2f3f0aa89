import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { LedeError } from '../../errors.js';
import { printableLocation as redact } from '../../resources/index.js';

/** How long a first try for the write lock lasts before the wait is announced. */
const QUIET_WAIT_MS = 300;
/** Linking a large corpus holds the lock for minutes; a writer waits this long before giving up. */
export const WRITER_WAIT_MS = 30 * 60 * 1000;
/** The advisory lock every lede writer of one database takes: the key is arbitrary but fixed. */
const WRITE_LOCK_KEY = 0x1ede;

export interface PgWriteLockOptions {
  /** Called once per wait when another process holds the write lock (for a visible "waiting…" line). */
  onWait?: (location: string) => void;
  /** Overrides WRITER_WAIT_MS (tests). */
  waitMs?: number;
}

/** A query's parameters, numbered as they are added: `$1`, `$2`, … */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** int8 (counts, sums, keys) as numbers: every such value lede keeps is far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * One PostgreSQL database shared by any number of lede processes. Writes run in transactions that
 * hold one advisory lock, the counterpart of SQLite's single writer: linking reads, decides and
 * writes as if alone, and readers see the last committed state meanwhile (MVCC). Inside `write`
 * every query of the same async call chain runs on the transaction's connection (AsyncLocalStorage),
 * so reads see the transaction's own writes; a write begun inside another joins it as a savepoint.
 */
export class PgDatabase {
  private readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<{ client: pg.PoolClient; depth: number }>();

  private readonly lockOptions: PgWriteLockOptions;

  constructor(
    readonly location: string,
    options: { readonly?: boolean; max?: number } & PgWriteLockOptions = {},
  ) {
    this.lockOptions = options;
    this.pool = new pg.Pool({
      connectionString: location,
      max: options.max ?? 4,
      types: TYPES,
      // No JIT: it pays off for long analytic queries only, and a search over a common word (every
      // facet counted over every match) is estimated costly enough to be compiled, which took
      // seconds, longer than running it.
      options: ['-c jit=off', ...(options.readonly ? ['-c default_transaction_read_only=on'] : [])].join(' '),
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
  }

  async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const runner = this.current.getStore()?.client ?? this.pool;
    try {
      const result = await runner.query<R>(sql, params as unknown[]);
      return result.rows;
    } catch (error) {
      throw storeError(this.location, error);
    }
  }

  async one<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.query<R>(sql, params))[0];
  }

  /** The first column of the first row. */
  async value<V>(sql: string, params: readonly unknown[] = []): Promise<V | undefined> {
    const row = await this.one<Record<string, unknown>>(sql, params);
    return row === undefined ? undefined : (Object.values(row)[0] as V);
  }

  /** Whether the caller runs inside a write transaction of this database. */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** A connection of its own (a server-side cursor needs one); the caller releases it. */
  connection(): Promise<pg.PoolClient> {
    return this.connect();
  }

  /**
   * Runs `work` in one transaction holding the write lock (waiting for other writers first): a
   * crash or a throw keeps none of its writes.
   */
  async write<T>(work: () => Promise<T>): Promise<T> {
    const inside = this.current.getStore();
    if (inside) return this.savepoint(inside, work);
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      await this.lock(client);
      const result = await this.current.run({ client, depth: 0 }, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw storeError(this.location, error);
    } finally {
      client.release();
    }
  }

  private async savepoint<T>(inside: { client: pg.PoolClient; depth: number }, work: () => Promise<T>): Promise<T> {
    const name = `lede_${inside.depth + 1}`;
    await inside.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await this.current.run({ client: inside.client, depth: inside.depth + 1 }, work);
      await inside.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await inside.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
      throw error;
    }
  }

  private async lock(client: pg.PoolClient): Promise<void> {
    const quick = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      WRITE_LOCK_KEY,
    ]);
    if (quick.rows[0]?.locked) return;
    await new Promise((resolve) => setTimeout(resolve, QUIET_WAIT_MS));
    const again = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      WRITE_LOCK_KEY,
    ]);
    if (again.rows[0]?.locked) return;
    this.lockOptions.onWait?.(this.location);
    const waitMs = this.lockOptions.waitMs ?? WRITER_WAIT_MS;
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03') throw error;
      throw new LedeError(
        'STORE',
        `${redact(this.location)}: another process kept writing for ${Math.round(waitMs / 1000)} s; run again once it has finished`,
        { cause: error },
      );
    }
    await client.query('SET LOCAL lock_timeout = 0');
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new LedeError(
        'STORE',
        `cannot connect to the database ${redact(this.location)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function storeError(location: string, error: unknown): unknown {
  if (error instanceof LedeError) return error;
  const code = (error as { code?: string }).code;
  // Connection failures name the database; SQL errors are bugs and keep their own message and stack.
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
    // lede creates its tables in a database, never the database itself (it needs no rights beyond it).
    const hint = code === '3D000' ? ': create it first (createdb NAME, or CREATE DATABASE NAME)' : '';
    return new LedeError('STORE', `the database ${redact(location)}: ${(error as Error).message}${hint}`, {
      cause: error,
    });
  }
  return error;
}
