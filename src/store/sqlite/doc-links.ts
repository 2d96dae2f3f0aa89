import type Database from 'better-sqlite3';
import { STORY_ENTITY_LIMIT } from '../corpus-rules.js';
import { type StoryMemberRow, toMemberRef } from '../document-rows.js';
import type { DocLink, StoryEntity, StoryMemberPage, StoryMemberQuery } from '../store.js';

/**
 * A document's ordering day in a story: its stated date, else the first day of its estimate (a
 * twin's copied date), else none. Kept in `doc_links.day` so a story's members are read in order
 * from an index however many there are.
 */
export const ORDERING_DAY = `CASE WHEN d.published_estimated = 1 THEN json_extract(d.meta, '$.published.earliest')
  ELSE d.published END`;

/**
 * Each story's names counted once, when its links are stored (in the same transaction), so a
 * story page never reads the entities of thousands of members.
 */
export const COUNT_STORY_ENTITIES = `
  INSERT INTO story_entities (story, name, type, documents)
  SELECT story, name, type, documents FROM (
    SELECT story, name, type, documents,
      row_number() OVER (PARTITION BY story ORDER BY documents DESC, name) AS rank
    FROM (
      SELECT l.story, i.key AS name, max(i.label) AS type, count(DISTINCT i.doc_seq) AS documents
      FROM doc_links l JOIN span_index i INDEXED BY span_index_doc ON i.doc_seq = l.doc_seq AND i.layer = 'entities'
      WHERE l.story IS NOT NULL AND i.key IS NOT NULL
      GROUP BY l.story, i.key))
  WHERE rank <= ${STORY_ENTITY_LIMIT}`;

/** The same for one story, whose members changed. */
const COUNT_ONE_STORY_ENTITIES = `
  INSERT INTO story_entities (story, name, type, documents)
  SELECT story, name, type, documents FROM (
    SELECT l.story, i.key AS name, max(i.label) AS type, count(DISTINCT i.doc_seq) AS documents
    FROM doc_links l INDEXED BY doc_links_story_day
      JOIN span_index i INDEXED BY span_index_doc ON i.doc_seq = l.doc_seq AND i.layer = 'entities'
    WHERE l.story = ? AND i.key IS NOT NULL
    GROUP BY i.key ORDER BY documents DESC, name LIMIT ${STORY_ENTITY_LIMIT})`;

/**
 * The member of the same version group and story just before (or after) the document linked in
 * `row`, in the story's order: day, undated first, then store order.
 */
function adjacentVersion(row: string, side: 'previous' | 'next'): string {
  const [early, late] = side === 'previous' ? ['v', row] : [row, 'v'];
  const direction = side === 'previous' ? 'DESC' : 'ASC';
  // By version group: ordered by the story's index instead, SQLite walked a story of thousands for
  // each member that had no earlier version.
  return `(SELECT vd.id FROM doc_links v INDEXED BY doc_links_group JOIN documents vd ON vd.seq = v.doc_seq
    WHERE ${row}.duplicate_group IS NOT NULL AND v.duplicate_group = ${row}.duplicate_group AND v.story IS ${row}.story
      AND (${early}.day IS ${late}.day AND ${early}.doc_seq < ${late}.doc_seq
        OR ${early}.day IS NOT ${late}.day AND ${late}.day IS NOT NULL AND (${early}.day IS NULL OR ${early}.day < ${late}.day))
    ORDER BY v.day ${direction}, v.doc_seq ${direction} LIMIT 1)`;
}

/**
 * Each document's version group and story (`doc_links`), and the reads of one story through
 * `doc_links` (story, day) and `story_entities`: never a list of member ids. Writers hold the lock.
 */
export class DocLinks {
  private readonly statements;

  constructor(db: Database.Database) {
    const page = (direction: 'ASC' | 'DESC', versions: boolean) =>
      db.prepare(
        `SELECT d.id, d.external_id, d.headline, d.outlet,
           CASE WHEN d.published_estimated = 1 THEN NULL ELSE d.published END AS published, l.duplicate_group,
           ${versions ? adjacentVersion('l', 'previous') : 'NULL'} AS previous_version
         FROM doc_links l INDEXED BY doc_links_story_day JOIN documents d ON d.seq = l.doc_seq
         WHERE l.story = ? ORDER BY l.day ${direction}, l.doc_seq ${direction} LIMIT ? OFFSET ?`,
      );
    this.statements = {
      clear: db.prepare('DELETE FROM doc_links'),
      all: db.prepare(
        'SELECT d.id, l.duplicate_group, l.duplicate_kind, l.story FROM doc_links l JOIN documents d ON d.seq = l.doc_seq',
      ),
      deleteOne: db.prepare('DELETE FROM doc_links WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?)'),
      clearStoryEntities: db.prepare('DELETE FROM story_entities WHERE story = ?'),
      countStoryEntities: db.prepare(COUNT_ONE_STORY_ENTITIES),
      insert: db.prepare(
        `INSERT INTO doc_links (doc_seq, duplicate_group, duplicate_kind, story, day)
         SELECT d.seq, ?, ?, ?, ${ORDERING_DAY} FROM documents d WHERE d.id = ?`,
      ),
      clearEntities: db.prepare('DELETE FROM story_entities'),
      countEntities: db.prepare(COUNT_STORY_ENTITIES),
      byId: db.prepare(
        `SELECT d.id, l.duplicate_group, l.duplicate_kind, l.story FROM doc_links l JOIN documents d ON d.seq = l.doc_seq
         WHERE d.id = ?`,
      ),
      membersOfStory: db
        .prepare('SELECT d.id FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE l.story = ? ORDER BY d.seq')
        .pluck(),
      membersOfGroup: db
        .prepare(
          'SELECT d.id FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE l.duplicate_group = ? ORDER BY d.seq',
        )
        .pluck(),
      // A document's ordering day in its story follows its date (inherited and story dates, reprocessing).
      refreshDay: db.prepare(
        `UPDATE doc_links SET day = (SELECT ${ORDERING_DAY} FROM documents d WHERE d.seq = doc_links.doc_seq)
         WHERE doc_seq = ?`,
      ),
      pages: {
        oldest: { versions: page('ASC', true), plain: page('ASC', false) },
        newest: { versions: page('DESC', true), plain: page('DESC', false) },
      },
      count: db.prepare('SELECT count(*) FROM doc_links WHERE story = ?').pluck(),
      entities: db.prepare(
        'SELECT name, type, documents FROM story_entities WHERE story = ? ORDER BY documents DESC, name LIMIT ?',
      ),
      versionsAround: db.prepare(
        `SELECT ${adjacentVersion('l', 'previous')} AS previous, ${adjacentVersion('l', 'next')} AS next
         FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = ?`,
      ),
    };
  }

  /**
   * Every document's links at once. Only the rows that changed are written and only the stories whose
   * members changed have their names counted again (all of them with `recountAll`, after documents
   * were rewritten), so a run that adds a few documents writes a few rows.
   */
  replace(links: readonly DocLink[], recountAll = false): void {
    const s = this.statements;
    type Row = { id: string; duplicate_group: string | null; duplicate_kind: string | null; story: string | null };
    const before = new Map((s.all.all() as Row[]).map((row) => [row.id, row]));
    const touched = new Set<string>();
    for (const link of links) {
      const old = before.get(link.id);
      before.delete(link.id);
      const row = [link.duplicateGroup ?? null, link.duplicateKind ?? null, link.story ?? null] as const;
      if (old && old.duplicate_group === row[0] && old.duplicate_kind === row[1] && old.story === row[2]) continue;
      if (old) s.deleteOne.run(link.id);
      s.insert.run(...row, link.id);
      if (old?.story) touched.add(old.story);
      if (link.story) touched.add(link.story);
    }
    for (const [id, old] of before) {
      s.deleteOne.run(id);
      if (old.story) touched.add(old.story);
    }
    if (recountAll) {
      s.clearEntities.run();
      s.countEntities.run();
      return;
    }
    for (const story of touched) {
      s.clearStoryEntities.run(story);
      s.countStoryEntities.run(story);
    }
  }

  refreshDay(seq: number): void {
    this.statements.refreshDay.run(seq);
  }

  get(id: string): DocLink | undefined {
    const row = this.statements.byId.get(id) as
      | { id: string; duplicate_group: string | null; duplicate_kind: string | null; story: string | null }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      duplicateGroup: row.duplicate_group ?? undefined,
      duplicateKind: (row.duplicate_kind as DocLink['duplicateKind']) ?? undefined,
      story: row.story ?? undefined,
    };
  }

  membersOf(field: 'duplicateGroup' | 'story', value: string): string[] {
    return (field === 'story' ? this.statements.membersOfStory : this.statements.membersOfGroup).all(value) as string[];
  }

  members(story: string, query: StoryMemberQuery): StoryMemberPage {
    const pages = this.statements.pages[query.order];
    const rows = (query.versions === false ? pages.plain : pages.versions).all(
      story,
      query.limit,
      query.offset,
    ) as StoryMemberRow[];
    return {
      total: this.statements.count.get(story) as number,
      members: rows.map(toMemberRef),
    };
  }

  versionsAround(id: string): { previous?: string; next?: string } {
    const row = this.statements.versionsAround.get(id) as { previous: string | null; next: string | null } | undefined;
    return { previous: row?.previous ?? undefined, next: row?.next ?? undefined };
  }

  entities(story: string, limit: number): StoryEntity[] {
    return this.statements.entities.all(story, Math.min(limit, STORY_ENTITY_LIMIT)) as StoryEntity[];
  }
}
