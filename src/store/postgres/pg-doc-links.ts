import { STORY_ENTITY_LIMIT } from '../corpus-rules.js';
import { type StoryMemberRow, toMemberRef } from '../document-rows.js';
import type { DocLink, StoryEntity, StoryMemberPage, StoryMemberQuery } from '../store.js';
import type { PgDatabase } from './pg-database.js';
import { ORDERING_DAY } from './pg-filter.js';

/** Each story's names counted once when its links are stored; `$1` limits it to some stories, or null for all. */
const COUNT_STORY_ENTITIES = `
  INSERT INTO story_entities (story, name, type, documents)
  SELECT story, name, type, documents FROM (
    SELECT story, name, type, documents,
      row_number() OVER (PARTITION BY story ORDER BY documents DESC, name) AS rank
    FROM (
      SELECT l.story, i.key AS name, max(i.label) AS type, count(DISTINCT i.doc_seq)::int AS documents
      FROM doc_links l JOIN span_index i ON i.doc_seq = l.doc_seq AND i.layer = 'entities'
      WHERE l.story IS NOT NULL AND i.key IS NOT NULL AND ($1::text[] IS NULL OR l.story = ANY($1::text[]))
      GROUP BY l.story, i.key) counted) ranked
  WHERE rank <= ${STORY_ENTITY_LIMIT}`;

/**
 * The member of the same version group and story just before (or after) the document linked in
 * `row`, in the story's order: day, undated first, then store order.
 */
function adjacentVersion(row: string, side: 'previous' | 'next'): string {
  const [early, late] = side === 'previous' ? ['v', row] : [row, 'v'];
  const direction = side === 'previous' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
  return `(SELECT vd.id FROM doc_links v JOIN documents vd ON vd.seq = v.doc_seq
    WHERE ${row}.duplicate_group IS NOT NULL AND v.duplicate_group = ${row}.duplicate_group
      AND v.story IS NOT DISTINCT FROM ${row}.story
      AND (${early}.day IS NOT DISTINCT FROM ${late}.day AND ${early}.doc_seq < ${late}.doc_seq
        OR ${early}.day IS DISTINCT FROM ${late}.day AND ${late}.day IS NOT NULL AND (${early}.day IS NULL OR ${early}.day < ${late}.day))
    ORDER BY v.day ${direction}, v.doc_seq ${side === 'previous' ? 'DESC' : 'ASC'} LIMIT 1)`;
}

/** Each document's version group and story (`doc_links`), and the reads of one story. Writers hold the lock. */
export class PgDocLinks {
  constructor(private readonly db: PgDatabase) {}

  /**
   * Every document's links at once. Only the rows that changed are written and only the stories whose
   * members changed have their names counted again (all of them with `recountAll`).
   */
  async replace(links: readonly DocLink[], recountAll = false): Promise<void> {
    type Row = { id: string; duplicate_group: string | null; duplicate_kind: string | null; story: string | null };
    const before = new Map(
      (
        await this.db.query<Row>(
          'SELECT d.id, l.duplicate_group, l.duplicate_kind, l.story FROM doc_links l JOIN documents d ON d.seq = l.doc_seq',
        )
      ).map((row) => [row.id, row]),
    );
    const touched = new Set<string>();
    const changed: DocLink[] = [];
    for (const link of links) {
      const old = before.get(link.id);
      before.delete(link.id);
      const row = [link.duplicateGroup ?? null, link.duplicateKind ?? null, link.story ?? null] as const;
      if (old && old.duplicate_group === row[0] && old.duplicate_kind === row[1] && old.story === row[2]) continue;
      changed.push(link);
      if (old?.story) touched.add(old.story);
      if (link.story) touched.add(link.story);
    }
    for (const old of before.values()) if (old.story) touched.add(old.story);
    const gone = [...before.keys(), ...changed.map((link) => link.id)];
    if (gone.length > 0) {
      await this.db.query('DELETE FROM doc_links WHERE doc_seq IN (SELECT seq FROM documents WHERE id = ANY($1))', [
        gone,
      ]);
    }
    if (changed.length > 0) {
      await this.db.query(
        `INSERT INTO doc_links (doc_seq, duplicate_group, duplicate_kind, story, day)
         SELECT d.seq, c.duplicate_group, c.duplicate_kind, c.story, ${ORDERING_DAY}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS c(id, duplicate_group, duplicate_kind, story)
         JOIN documents d ON d.id = c.id`,
        [
          changed.map((link) => link.id),
          changed.map((link) => link.duplicateGroup ?? null),
          changed.map((link) => link.duplicateKind ?? null),
          changed.map((link) => link.story ?? null),
        ],
      );
    }
    if (recountAll) {
      await this.db.query('DELETE FROM story_entities');
      await this.db.query(COUNT_STORY_ENTITIES, [null]);
      return;
    }
    if (touched.size === 0) return;
    await this.db.query('DELETE FROM story_entities WHERE story = ANY($1)', [[...touched]]);
    await this.db.query(COUNT_STORY_ENTITIES, [[...touched]]);
  }

  async get(id: string): Promise<DocLink | undefined> {
    const row = await this.db.one<{
      id: string;
      duplicate_group: string | null;
      duplicate_kind: string | null;
      story: string | null;
    }>(
      `SELECT d.id, l.duplicate_group, l.duplicate_kind, l.story FROM doc_links l JOIN documents d ON d.seq = l.doc_seq
       WHERE d.id = $1`,
      [id],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      duplicateGroup: row.duplicate_group ?? undefined,
      duplicateKind: (row.duplicate_kind as DocLink['duplicateKind']) ?? undefined,
      story: row.story ?? undefined,
    };
  }

  async membersOf(field: 'duplicateGroup' | 'story', value: string): Promise<string[]> {
    const column = field === 'story' ? 'l.story' : 'l.duplicate_group';
    const rows = await this.db.query<{ id: string }>(
      `SELECT d.id FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE ${column} = $1 ORDER BY d.seq`,
      [value],
    );
    return rows.map((row) => row.id);
  }

  async members(story: string, query: StoryMemberQuery): Promise<StoryMemberPage> {
    const direction = query.order === 'oldest' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
    const seqDirection = query.order === 'oldest' ? 'ASC' : 'DESC';
    const rows = await this.db.query<StoryMemberRow>(
      `SELECT d.id, d.external_id, d.headline, d.outlet,
         CASE WHEN d.published_estimated THEN NULL ELSE d.published END AS published, l.duplicate_group,
         ${query.versions === false ? 'NULL' : adjacentVersion('l', 'previous')} AS previous_version
       FROM doc_links l JOIN documents d ON d.seq = l.doc_seq
       WHERE l.story = $1 ORDER BY l.day ${direction}, l.doc_seq ${seqDirection} LIMIT $2 OFFSET $3`,
      [story, query.limit, query.offset],
    );
    const total = (await this.db.value<number>('SELECT count(*)::int FROM doc_links WHERE story = $1', [story])) ?? 0;
    return {
      total,
      members: rows.map(toMemberRef),
    };
  }

  async versionsAround(id: string): Promise<{ previous?: string; next?: string }> {
    const row = await this.db.one<{ previous: string | null; next: string | null }>(
      `SELECT ${adjacentVersion('l', 'previous')} AS previous, ${adjacentVersion('l', 'next')} AS next
       FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = $1`,
      [id],
    );
    return { previous: row?.previous ?? undefined, next: row?.next ?? undefined };
  }

  entities(story: string, limit: number): Promise<StoryEntity[]> {
    return this.db.query<StoryEntity>(
      'SELECT name, type, documents FROM story_entities WHERE story = $1 ORDER BY documents DESC, name LIMIT $2',
      [story, Math.min(limit, STORY_ENTITY_LIMIT)],
    );
  }
}
