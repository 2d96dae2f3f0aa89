import type Database from 'better-sqlite3';
import { type Doc, isMetaOutput, type MetaOutput } from '../../model/index.js';

/**
 * `stage@version` of each metadata field a stage computed (`meta.published`), kept beside the
 * layers' versions so `lede reprocess` can tell a stale field as it tells a stale layer. The field's
 * value itself lives in `documents.meta`. Statements are prepared once: they run for every document.
 */
export class MetaVersions {
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO meta_versions (doc_seq, field, stage, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc_seq, field) DO UPDATE SET stage = excluded.stage, version = excluded.version`,
    );
    this.select = db.prepare(
      'SELECT m.field, m.stage, m.version FROM meta_versions m JOIN documents d ON d.seq = m.doc_seq WHERE d.id = ?',
    );
  }

  write(seq: number, versions: Doc['versions'] = {}): void {
    for (const [output, stamp] of Object.entries(versions)) {
      if (!isMetaOutput(output) || !stamp) continue;
      const at = stamp.lastIndexOf('@');
      this.upsert.run(seq, output, stamp.slice(0, at), Number(stamp.slice(at + 1)));
    }
  }

  read(id: string): [MetaOutput, string][] {
    const rows = this.select.all(id) as { field: MetaOutput; stage: string; version: number }[];
    return rows.map((row) => [row.field, `${row.stage}@${row.version}`]);
  }
}
