import type Database from 'better-sqlite3';
import type { CurationLog } from '../store.js';
import type { WriteLock } from './write-lock.js';

/** Entity curation decisions, one row each in the order they were made, with the time they were made. */
export class SqliteCurationLog implements CurationLog {
  constructor(
    private readonly db: Database.Database,
    private readonly lock: WriteLock,
  ) {}

  async addCuration(decision: unknown, at?: string): Promise<void> {
    this.lock.run(() =>
      this.db
        .prepare('INSERT INTO curation (decision, at) VALUES (?, ?)')
        .run(JSON.stringify(decision), at ?? new Date().toISOString()),
    );
  }

  async listCuration(): Promise<{ id: number; decision: unknown; at: string }[]> {
    return (
      this.db.prepare('SELECT id, decision, at FROM curation ORDER BY id').all() as {
        id: number;
        decision: string;
        at: string;
      }[]
    ).map((row) => ({ id: row.id, decision: JSON.parse(row.decision), at: row.at }));
  }
}
