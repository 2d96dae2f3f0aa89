import type { StorySummary } from '../link/index.js';
import { NearDuplicateIndex, StoryIndex, VERSION_THRESHOLD } from '../link/index.js';
import type { DatedValue } from '../model/index.js';
import { inheritPublished } from '../nlp/events/index.js';
import type { DocLink, Store } from '../store/index.js';

/** A story as stored: the summary `lede stories` prints, with members by document id too. */
export interface StoredStory extends StorySummary {
  memberIds: string[];
}

/** A group of versions of one article, by document id. */
export interface StoredDuplicateGroup {
  id: string;
  kind: 'exact' | 'near';
  memberIds: string[];
  /** Names as `lede duplicates --json` prints them: external ids where the records had them. */
  members: string[];
  pairs: { a: string; b: string; jaccard: number }[];
}

export interface LinkSummary {
  documents: number;
  duplicateGroups: number;
  stories: number;
  datesInherited: number;
  seconds: number;
}

/** Corpus-level steps that other parts of lede add (identities, statements, claims), run after stories. */
export type CorpusStep = (store: Store) => Promise<void> | void;

/**
 * Links the corpus: every document goes, in arrival order, through the near-duplicate index (versions
 * of one article) and the online story index (a document joins the closest story or starts one;
 * at the end of the batch members move to the story now closest and close stories merge).
 * Undated versions inherit the date of a dated twin. Results land in the store: each document's
 * group and story, and the groups and stories themselves.
 */
export async function linkCorpus(
  store: Store,
  steps: readonly CorpusStep[] = [],
  onProgress?: (done: number) => void,
): Promise<LinkSummary> {
  const started = Date.now();
  const duplicates = new NearDuplicateIndex({ threshold: VERSION_THRESHOLD });
  const stories = new StoryIndex();
  const ids: string[] = [];
  const names: string[] = [];
  const dates: (DatedValue | undefined)[] = [];
  for (const doc of store.iterateDocuments()) {
    duplicates.add(doc.text);
    stories.add(doc);
    ids.push(doc.id);
    names.push(doc.externalId ?? doc.id);
    dates.push(doc.meta.published);
    if (ids.length % 1000 === 0) onProgress?.(ids.length);
  }

  stories.refine();

  const links = new Map<string, DocLink>(ids.map((id) => [id, { id }]));
  const edges = duplicates.edges();
  const groups: StoredDuplicateGroup[] = duplicates.groups().map((members) => {
    const inGroup = new Set(members);
    const id = `dup-${(ids[members[0] as number] as string).slice(0, 12)}`;
    const kind = duplicates.isExactGroup(members) ? 'exact' : 'near';
    for (const member of members)
      Object.assign(links.get(ids[member] as string) as DocLink, { duplicateGroup: id, duplicateKind: kind });
    return {
      id,
      kind,
      memberIds: members.map((member) => ids[member] as string),
      members: members.map((member) => names[member] as string),
      pairs: edges
        .filter(([a]) => inGroup.has(a))
        .map(([a, b, jaccard]) => ({
          a: names[a] as string,
          b: names[b] as string,
          jaccard: Math.round(jaccard * 1e4) / 1e4,
        })),
    };
  });

  const assignment = stories.assignments();
  const byName = new Map(names.map((name, index) => [name, ids[index] as string]));
  const storyList: StoredStory[] = stories.summaries().map((story) => ({
    ...story,
    memberIds: story.members.map((name) => byName.get(name) ?? name),
  }));
  assignment.forEach((story, index) => {
    (links.get(ids[index] as string) as DocLink).story = `story-${story}`;
  });

  // An undated version of an article takes the date of a dated twin, marked as inherited.
  const position = new Map(ids.map((id, index) => [id, index]));
  const dateOf = (id: string) => dates[position.get(id) as number];
  let datesInherited = 0;
  for (const group of groups) {
    const datedId = group.memberIds.find((id) => {
      const date = dateOf(id);
      return date !== undefined && !date.estimated;
    });
    if (!datedId) continue;
    const dated = dateOf(datedId) as DatedValue;
    for (const id of group.memberIds) {
      const own = dateOf(id);
      if (own && (!own.estimated || own.from === `near-duplicate:${datedId}`)) continue;
      store.setPublished(id, inheritPublished({ id: datedId, published: dated }));
      datesInherited++;
    }
  }

  store.putDocLinks([...links.values()]);
  store.putCorpusState('duplicates', groups);
  store.putCorpusState('stories', storyList);
  for (const step of steps) await step(store);
  return {
    documents: ids.length,
    duplicateGroups: groups.length,
    stories: storyList.length,
    datesInherited,
    seconds: (Date.now() - started) / 1000,
  };
}
