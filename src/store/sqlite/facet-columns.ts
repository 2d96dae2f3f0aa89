import type Database from 'better-sqlite3';
import type { DocFilter } from '../store.js';

/**
 * Outlet, date and sections of every document, held in memory by sequence number, so a search
 * filters and counts facets over thousands of matches without reading a row per match. Documents
 * are append-only, so a refresh only loads new rows; reprocessing a document calls reset().
 */
export class FacetColumns {
  private readonly outlets: (string | null)[] = [];
  private readonly published: (string | null)[] = [];
  private readonly sections: (string[] | null)[] = [];
  private loadedUpTo = 0;
  private version = '';

  constructor(private readonly db: Database.Database) {}

  /** Forgets every loaded row: a reprocessed document's outlet, date or sections may have changed. */
  reset(): void {
    this.outlets.length = 0;
    this.published.length = 0;
    this.sections.length = 0;
    this.loadedUpTo = 0;
    this.version = '';
  }

  /** Loads the documents added since the last call (by this connection or another process). */
  refresh(): void {
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.db.prepare('SELECT total_changes()').pluck().get()}`;
    if (version === this.version) return;
    this.version = version;
    const rows = this.db
      .prepare(
        `SELECT d.seq, d.outlet, d.published, (SELECT json_group_array(s.section) FROM document_sections s
         WHERE s.doc_seq = d.seq) FROM documents d WHERE d.seq > ? ORDER BY d.seq`,
      )
      .raw()
      .iterate(this.loadedUpTo) as IterableIterator<[number, string | null, string | null, string]>;
    for (const [seq, outlet, published, sections] of rows) {
      this.outlets[seq] = outlet;
      this.published[seq] = published;
      const list = JSON.parse(sections) as string[];
      this.sections[seq] = list.length ? list : null;
      this.loadedUpTo = seq;
    }
  }

  /** The same test as the SQL filter: exact outlet and section, inclusive ISO date prefix bounds. */
  matches(seq: number, filter: DocFilter): boolean {
    if (filter.outlet && this.outlets[seq] !== filter.outlet) return false;
    if (filter.section && !this.sections[seq]?.includes(filter.section)) return false;
    const published = this.published[seq];
    if (filter.from && (!published || published < filter.from)) return false;
    if (filter.to && (!published || published >= `${filter.to}z`)) return false;
    return true;
  }

  count(seqs: readonly number[]): {
    outlets: Map<string, number>;
    months: Map<string, number>;
    sections: Map<string, number>;
  } {
    const outlets = new Map<string, number>();
    const months = new Map<string, number>();
    const sections = new Map<string, number>();
    for (const seq of seqs) {
      const outlet = this.outlets[seq];
      if (outlet) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
      const month = this.published[seq]?.slice(0, 7);
      if (month) months.set(month, (months.get(month) ?? 0) + 1);
      for (const section of this.sections[seq] ?? []) sections.set(section, (sections.get(section) ?? 0) + 1);
    }
    return { outlets, months, sections };
  }
}
