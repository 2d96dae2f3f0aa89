import type { CurationLog } from '../store.js';
import type { PgDatabase } from './pg-database.js';

/** Entity curation decisions, one row each in the order they were made, with the time they were made. */
export class PgCurationLog implements CurationLog {
  constructor(private readonly db: PgDatabase) {}

  async addCuration(decision: unknown, at?: string): Promise<void> {
    await this.db.write(() =>
      this.db.query('INSERT INTO curation (decision, at) VALUES ($1, $2)', [
        JSON.stringify(decision),
        at ?? new Date().toISOString(),
      ]),
    );
  }

  async listCuration(): Promise<{ id: number; decision: unknown; at: string }[]> {
    const rows = await this.db.query<{ id: number; decision: string; at: string }>(
      'SELECT id, decision, at FROM curation ORDER BY id',
    );
    return rows.map((row) => ({ id: row.id, decision: JSON.parse(row.decision), at: row.at }));
  }
}
