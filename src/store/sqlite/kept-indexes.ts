import type Database from 'better-sqlite3';
import type { KeptIndexes, KeptStoryMember, KeptVersionKeys, StoryTermMember } from '../store.js';
import type { WriteLock } from './write-lock.js';

/**
 * The kept story and version indexes (migration 12): each story's centroid by term, each term's
 * document frequency, each placed document's story and norm, and each document's LSH band keys and
 * exact-text key. Placing reads the rows of the terms, stories and keys its new documents touch and
 * adds their own, inside linking's transaction.
 */
export class SqliteKeptIndexes implements KeptIndexes {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly lock: WriteLock,
  ) {
    this.statements = {
      documents: db.prepare('SELECT count(*) FROM story_members').pluck(),
      frequencies: db.prepare('SELECT f.term, f.df FROM json_each(?) w CROSS JOIN story_df f ON f.term = w.value'),
      storiesWith: db.prepare('SELECT story FROM story_terms WHERE term = ? ORDER BY first, story').pluck(),
      centroid: db.prepare('SELECT term, sum FROM story_terms WHERE story = ?').raw(),
      members: db.prepare(`SELECT d.id, d.external_id, d.headline, d.outlet, d.published, d.published_estimated, m.norm
        FROM story_members m JOIN documents d ON d.seq = m.doc_seq WHERE m.story = ? ORDER BY m.doc_seq`),
      seq: db.prepare('SELECT seq FROM documents WHERE id = ?').pluck(),
      addMember: db.prepare('INSERT OR REPLACE INTO story_members (doc_seq, story, norm) VALUES (?, ?, ?)'),
      // Added in arrival order, a sum grows as a centroid built from the members in that order does.
      addTerm: db.prepare(`INSERT INTO story_terms (story, term, sum, first) VALUES (?, ?, ?, ?)
        ON CONFLICT (story, term) DO UPDATE SET sum = sum + excluded.sum`),
      countTerm: db.prepare(`INSERT INTO story_df (term, df) VALUES (?, 1)
        ON CONFLICT (term) DO UPDATE SET df = df + 1`),
      versionDocuments: db.prepare('SELECT count(*) FROM version_exact').pluck(),
      exact: db
        .prepare(`SELECT d.id FROM version_exact v JOIN documents d ON d.seq = v.doc_seq
          WHERE v.key0 = ? AND v.key1 = ? AND v.banded = 1 ORDER BY v.doc_seq`)
        .pluck(),
      exactOf: db
        .prepare('SELECT v.key0, v.key1 FROM version_exact v JOIN documents d ON d.seq = v.doc_seq WHERE d.id = ?')
        .raw(),
      banded: db
        .prepare(`SELECT DISTINCT d.id FROM json_each(?) w CROSS JOIN version_keys k ON k.key = w.value
          CROSS JOIN documents d ON d.seq = k.doc_seq`)
        .pluck(),
      addExact: db.prepare('INSERT OR REPLACE INTO version_exact (doc_seq, key0, key1, banded) VALUES (?, ?, ?, ?)'),
      addBand: db.prepare('INSERT OR IGNORE INTO version_keys (key, doc_seq) VALUES (?, ?)'),
      clearExact: db.prepare('DELETE FROM version_exact'),
      clearBands: db.prepare('DELETE FROM version_keys'),
      clearTerms: db.prepare('DELETE FROM story_terms'),
      clearDf: db.prepare('DELETE FROM story_df'),
      clearMembers: db.prepare('DELETE FROM story_members'),
    };
  }

  async storyDocuments(): Promise<number> {
    return this.statements.documents.get() as number;
  }

  async termFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const rows = this.statements.frequencies.all(JSON.stringify(terms)) as { term: string; df: number }[];
    return new Map(rows.map((row) => [row.term, row.df]));
  }

  async storiesWithTerm(term: string): Promise<number[]> {
    return this.statements.storiesWith.all(term) as number[];
  }

  async storyCentroid(story: number): Promise<Map<string, number>> {
    return new Map(this.statements.centroid.all(story) as [string, number][]);
  }

  async storyMembers(story: number): Promise<KeptStoryMember[]> {
    const rows = this.statements.members.all(story) as {
      id: string;
      external_id: string | null;
      headline: string | null;
      outlet: string | null;
      published: string | null;
      published_estimated: number;
      norm: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      ...(row.external_id !== null ? { externalId: row.external_id } : {}),
      ...(row.headline !== null ? { headline: row.headline } : {}),
      ...(row.outlet !== null ? { outlet: row.outlet } : {}),
      ...(row.published !== null && row.published_estimated === 0 ? { statedDate: row.published } : {}),
      norm: row.norm,
    }));
  }

  async addStoryMembers(members: readonly StoryTermMember[]): Promise<void> {
    if (members.length > 0) this.lock.run(() => this.insertStoryMembers(members));
  }

  private insertStoryMembers(members: readonly StoryTermMember[]): void {
    for (const member of members) {
      const seq = this.statements.seq.get(member.id) as number | undefined;
      if (seq === undefined) continue;
      this.statements.addMember.run(seq, member.story, member.norm);
      for (const [term, share] of member.terms) {
        this.statements.addTerm.run(member.story, term, share, seq);
        this.statements.countTerm.run(term);
      }
    }
  }

  async versionDocuments(): Promise<number> {
    return this.statements.versionDocuments.get() as number;
  }

  async withExactKey(key: readonly [number, number]): Promise<string[]> {
    return this.statements.exact.all(key[0], key[1]) as string[];
  }

  async exactKeyOf(id: string): Promise<[number, number] | undefined> {
    return this.statements.exactOf.get(id) as [number, number] | undefined;
  }

  async withBandKeys(keys: readonly number[]): Promise<string[]> {
    return this.statements.banded.all(JSON.stringify(keys)) as string[];
  }

  async addVersionKeys(rows: readonly KeptVersionKeys[]): Promise<void> {
    if (rows.length > 0) this.lock.run(() => this.insertVersionKeys(rows));
  }

  private insertVersionKeys(rows: readonly KeptVersionKeys[]): void {
    for (const row of rows) {
      const seq = this.statements.seq.get(row.id) as number | undefined;
      if (seq === undefined) continue;
      this.statements.addExact.run(seq, row.exact[0], row.exact[1], row.bands ? 1 : 0);
      for (const key of row.bands ?? []) this.statements.addBand.run(key, seq);
    }
  }

  async clear(): Promise<void> {
    this.lock.run(() => this.deleteAll());
  }

  private deleteAll(): void {
    this.statements.clearExact.run();
    this.statements.clearBands.run();
    this.statements.clearTerms.run();
    this.statements.clearDf.run();
    this.statements.clearMembers.run();
  }
}
