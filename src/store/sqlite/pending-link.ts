import type Database from 'better-sqlite3';
import type { PendingLink } from '../store.js';

/** The "link needed" row (migration 5); callers write it inside their own transactions. */
export class PendingLinkMark {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      // A later plain ingest must not downgrade a rebuild asked for by reprocessing.
      set: db.prepare(`INSERT INTO pending_link (id, rebuild, since) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET rebuild = max(rebuild, excluded.rebuild)`),
      read: db.prepare('SELECT rebuild, since FROM pending_link'),
      clear: db.prepare('DELETE FROM pending_link'),
    };
  }

  set(rebuild: boolean): void {
    this.statements.set.run(rebuild ? 1 : 0, new Date().toISOString());
  }

  read(): PendingLink | undefined {
    const row = this.statements.read.get() as { rebuild: number; since: string } | undefined;
    return row && { rebuild: row.rebuild === 1, since: row.since };
  }

  clear(): void {
    this.statements.clear.run();
  }
}
