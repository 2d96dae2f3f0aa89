import { spawn } from 'node:child_process';
import pg from 'pg';

/**
 * The benchmark's own PostgreSQL databases (`lede_bench_*`) on the server of LEDE_BENCH_POSTGRES
 * (the local one by default), created and dropped through its maintenance database, and rows loaded
 * with COPY through `psql`, which streams standard input to the server (node-postgres has no COPY).
 */

export const BENCH_POSTGRES = process.env.LEDE_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseUrl(name: string): string {
  const url = new URL(BENCH_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(sql: string, url = BENCH_POSTGRES): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await onServer(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).length > 0;
}

/** A new, empty database (any earlier one of the name is dropped first). Names are ours: `lede_bench_…`. */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^lede_bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onServer(`CREATE DATABASE ${name}`);
  return benchDatabaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^lede_bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** A value in COPY's text format: backslash escapes for the characters that end a field or a row; null as \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A COPY … FROM STDIN into `table (columns)` fed by `psql`; `write` takes rows of fields, `end` waits for the server. */
export function copyInto(
  url: string,
  table: string,
  columns: readonly string[],
): { write(fields: (string | number | boolean | null)[]): Promise<void>; end(): Promise<void> } {
  // The tables are filled side by side, each by its own COPY, so a span's document is not committed
  // yet when its row arrives: foreign keys go unchecked in these sessions (replica role), the rows
  // being consistent by construction.
  const child = spawn(
    'psql',
    [
      url,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      'SET session_replication_role = replica',
      '-c',
      `COPY ${table} (${columns.join(', ')}) FROM STDIN`,
    ],
    {
      stdio: ['pipe', 'inherit', 'pipe'],
    },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((done, fail) => {
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`COPY ${table} failed: ${errors}`))));
  });
  let buffered = '';
  const flush = async () => {
    const chunk = buffered;
    buffered = '';
    if (!child.stdin.write(chunk)) await new Promise((drained) => child.stdin.once('drain', drained));
  };
  return {
    async write(fields) {
      buffered += `${fields.map(copyField).join('\t')}\n`;
      if (buffered.length > 1 << 20) await flush();
    },
    async end() {
      await flush();
      child.stdin.end();
      await exited;
    },
  };
}
