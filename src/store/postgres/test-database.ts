import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Fresh PostgreSQL databases for tests, one per suite, dropped afterwards. The server comes from
 * LEDE_TEST_POSTGRES (a URL of any database on it; the default is the local server `.ci/run`
 * starts). No server means a failed run with this message, never a skipped suite.
 */
export const TEST_POSTGRES = process.env.LEDE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `lede_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_POSTGRES} (${(error as Error).message}): the store's tests run against ` +
        'SQLite and PostgreSQL both. Start it (`.ci/run` does: pg_ctlcluster --skip-systemctl-redirect ' +
        '$(ls /etc/postgresql) main start) or point LEDE_TEST_POSTGRES at one.',
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
