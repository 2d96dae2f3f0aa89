import type { KeptIndexes, KeptStoryMember, KeptVersionKeys, StoryTermMember } from '../store.js';
import type { PgDatabase } from './pg-database.js';

/**
 * The kept story and version indexes (the SQLite store's migration 12 says what each table holds).
 * Additions are written a batch a statement, inside linking's transaction.
 */
export class PgKeptIndexes implements KeptIndexes {
  constructor(private readonly db: PgDatabase) {}

  async storyDocuments(): Promise<number> {
    return (await this.db.value<number>('SELECT count(*)::int FROM story_members')) ?? 0;
  }

  async termFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ term: string; df: number }>(
      'SELECT term, df FROM story_df WHERE term = ANY($1::text[])',
      [terms],
    );
    return new Map(rows.map((row) => [row.term, row.df]));
  }

  async storiesWithTerm(term: string): Promise<number[]> {
    const rows = await this.db.query<{ story: number }>(
      'SELECT story FROM story_terms WHERE term = $1 ORDER BY first, story',
      [term],
    );
    return rows.map((row) => row.story);
  }

  async storyCentroid(story: number): Promise<Map<string, number>> {
    const rows = await this.db.query<{ term: string; sum: number }>(
      'SELECT term, sum FROM story_terms WHERE story = $1',
      [story],
    );
    return new Map(rows.map((row) => [row.term, row.sum]));
  }

  async storyMembers(story: number): Promise<KeptStoryMember[]> {
    const rows = await this.db.query<{
      id: string;
      external_id: string | null;
      headline: string | null;
      outlet: string | null;
      published: string | null;
      published_estimated: boolean;
      norm: number;
    }>(
      `SELECT d.id, d.external_id, d.headline, d.outlet, d.published, d.published_estimated, m.norm
       FROM story_members m JOIN documents d ON d.seq = m.doc_seq WHERE m.story = $1 ORDER BY m.doc_seq`,
      [story],
    );
    return rows.map((row) => ({
      id: row.id,
      ...(row.external_id !== null ? { externalId: row.external_id } : {}),
      ...(row.headline !== null ? { headline: row.headline } : {}),
      ...(row.outlet !== null ? { outlet: row.outlet } : {}),
      ...(row.published !== null && !row.published_estimated ? { statedDate: row.published } : {}),
      norm: row.norm,
    }));
  }

  async addStoryMembers(members: readonly StoryTermMember[]): Promise<void> {
    if (members.length === 0) return;
    await this.db.write(async () => {
      const seqs = await this.seqsOf(members.map((member) => member.id));
      const placed = lastOfEach(members.filter((member) => seqs.has(member.id)));
      if (placed.length === 0) return;
      await this.db.query(
        `INSERT INTO story_members (doc_seq, story, norm) SELECT * FROM unnest($1::int[], $2::int[], $3::float8[])
         ON CONFLICT (doc_seq) DO UPDATE SET story = excluded.story, norm = excluded.norm`,
        [placed.map((member) => seqs.get(member.id)), placed.map((member) => member.story), placed.map((m) => m.norm)],
      );
      // A term twice in one batch must add twice: summed first, since one INSERT cannot touch a row twice.
      const sums = new Map<string, { story: number; term: string; sum: number; first: number }>();
      const counts = new Map<string, number>();
      for (const member of placed) {
        const seq = seqs.get(member.id) as number;
        for (const [term, share] of member.terms) {
          const key = `${member.story}\u0000${term}`;
          const entry = sums.get(key);
          if (entry) entry.sum += share;
          else sums.set(key, { story: member.story, term, sum: share, first: seq });
          counts.set(term, (counts.get(term) ?? 0) + 1);
        }
      }
      const rows = [...sums.values()];
      // Added in arrival order, a sum grows as a centroid built from the members in that order does.
      await this.db.query(
        `INSERT INTO story_terms (story, term, sum, first)
         SELECT * FROM unnest($1::int[], $2::text[], $3::float8[], $4::int[])
         ON CONFLICT (story, term) DO UPDATE SET sum = story_terms.sum + excluded.sum`,
        [
          rows.map((row) => row.story),
          rows.map((row) => row.term),
          rows.map((row) => row.sum),
          rows.map((r) => r.first),
        ],
      );
      await this.db.query(
        `INSERT INTO story_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df`,
        [[...counts.keys()], [...counts.values()]],
      );
    });
  }

  private async seqsOf(ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ id: string; seq: number }>('SELECT id, seq FROM documents WHERE id = ANY($1)', [
      ids,
    ]);
    return new Map(rows.map((row) => [row.id, row.seq]));
  }

  async versionDocuments(): Promise<number> {
    return (await this.db.value<number>('SELECT count(*)::int FROM version_exact')) ?? 0;
  }

  async withExactKey(key: readonly [number, number]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT d.id FROM version_exact v JOIN documents d ON d.seq = v.doc_seq
       WHERE v.key0 = $1 AND v.key1 = $2 AND v.banded ORDER BY v.doc_seq`,
      [key[0], key[1]],
    );
    return rows.map((row) => row.id);
  }

  async exactKeyOf(id: string): Promise<[number, number] | undefined> {
    const row = await this.db.one<{ key0: number; key1: number }>(
      'SELECT v.key0, v.key1 FROM version_exact v JOIN documents d ON d.seq = v.doc_seq WHERE d.id = $1',
      [id],
    );
    return row ? [row.key0, row.key1] : undefined;
  }

  async withBandKeys(keys: readonly number[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT DISTINCT d.id FROM version_keys k JOIN documents d ON d.seq = k.doc_seq WHERE k.key = ANY($1::bigint[])`,
      [keys],
    );
    return rows.map((row) => row.id);
  }

  async addVersionKeys(rows: readonly KeptVersionKeys[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.write(async () => {
      const seqs = await this.seqsOf(rows.map((row) => row.id));
      const kept = lastOfEach(rows.filter((row) => seqs.has(row.id)));
      if (kept.length === 0) return;
      await this.db.query(
        `INSERT INTO version_exact (doc_seq, key0, key1, banded)
         SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::boolean[])
         ON CONFLICT (doc_seq) DO UPDATE SET key0 = excluded.key0, key1 = excluded.key1, banded = excluded.banded`,
        [
          kept.map((row) => seqs.get(row.id)),
          kept.map((row) => row.exact[0]),
          kept.map((row) => row.exact[1]),
          kept.map((row) => row.bands !== null),
        ],
      );
      const bandKeys: number[] = [];
      const bandSeqs: number[] = [];
      for (const row of kept) {
        for (const key of row.bands ?? []) {
          bandKeys.push(key);
          bandSeqs.push(seqs.get(row.id) as number);
        }
      }
      if (bandKeys.length > 0) {
        await this.db.query(
          `INSERT INTO version_keys (key, doc_seq) SELECT * FROM unnest($1::bigint[], $2::int[]) ON CONFLICT DO NOTHING`,
          [bandKeys, bandSeqs],
        );
      }
    });
  }

  async clear(): Promise<void> {
    await this.db.write(async () => {
      // DELETE, not TRUNCATE: TRUNCATE would block readers until linking commits.
      for (const table of ['version_exact', 'version_keys', 'story_terms', 'story_df', 'story_members']) {
        await this.db.query(`DELETE FROM ${table}`);
      }
    });
  }
}

/** One row per id, the last given: one upsert cannot touch a row twice. */
function lastOfEach<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}
