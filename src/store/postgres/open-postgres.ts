import { LedeError } from '../../errors.js';
import { printableLocation as redact } from '../../resources/index.js';
import type { Store } from '../store.js';
import { PgDatabase, type PgWriteLockOptions } from './pg-database.js';
import { PostgresStore } from './postgres-store.js';
import { PG_MIGRATIONS } from './schema.js';

/** Held while migrating, so two processes opening a new database do not both create its tables. */
const MIGRATION_LOCK_KEY = 0x1edf;

/**
 * Opens (creating the tables and migrating if needed) a PostgreSQL store. The database itself must
 * exist: lede creates tables, never databases, so it needs no more rights than its own schema.
 */
export async function openPostgresStore(
  url: string,
  options: { readonly?: boolean } & PgWriteLockOptions = {},
): Promise<Store> {
  const db = new PgDatabase(url, options);
  try {
    if (options.readonly) await checkSchema(db, url);
    else await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof LedeError) throw error;
    throw new LedeError('STORE', `cannot open the database ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return new PostgresStore(db);
}

async function schemaVersion(db: PgDatabase): Promise<number> {
  const exists = await db.value<string | null>("SELECT to_regclass('lede_schema')::text");
  if (!exists) return 0;
  return (await db.value<number>('SELECT version FROM lede_schema')) ?? 0;
}

async function checkSchema(db: PgDatabase, url: string): Promise<void> {
  if ((await schemaVersion(db)) < PG_MIGRATIONS.length) {
    throw new LedeError('STORE', `the database ${redact(url)} needs upgrading: open it once for writing`);
  }
}

async function migrate(db: PgDatabase): Promise<void> {
  if ((await schemaVersion(db)) >= PG_MIGRATIONS.length) return;
  await db.write(async () => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await db.query('CREATE TABLE IF NOT EXISTS lede_schema (version integer NOT NULL)');
    let version = (await db.value<number>('SELECT version FROM lede_schema')) ?? 0;
    if (version === 0)
      await db.query('INSERT INTO lede_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM lede_schema)');
    for (; version < PG_MIGRATIONS.length; version++) {
      await db.query(PG_MIGRATIONS[version] as string);
      await db.query('UPDATE lede_schema SET version = $1', [version + 1]);
    }
  });
}
