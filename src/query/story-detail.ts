import {
  DUPLICATES_STATE,
  diffVersions,
  LINK_FEATURES,
  type MemberReason,
  STORIES_STATE,
  type StoredDuplicateGroup,
  type StoredStory,
  storyReasons,
} from '../link/index.js';
import { type DocMeta, statedPublished } from '../model/index.js';
import type {
  CorpusStateStore,
  DocFactsStore,
  DocText,
  DocumentReader,
  LinkMarks,
  StoredDoc,
  StoryEntity,
  StoryIndex,
  StoryMemberQuery,
} from '../store/index.js';
import { cachedCorpusState } from './cached-state.js';

type Version = { older: string; newer: string; summary: string; diff: ReturnType<typeof diffVersions> };

export interface StoryDetail {
  id: string;
  label: string;
  dates?: { first: string; last: string };
  outlets: string[];
  /** Members in all pages. */
  total: number;
  offset: number;
  limit: number;
  order: StoryMemberQuery['order'];
  /** One page of members in date order. */
  members: {
    id: string;
    externalId?: string;
    headline?: string;
    published?: string;
    outlet?: string;
    duplicateGroup?: string;
    /** What it shares with the story's other members (a sample of them in a large story). */
    why?: MemberReason;
  }[];
  /**
   * Versions of one article inside the story, with what changed: each member on the page against
   * the version before it, and, when the story was asked for by a document, that document against
   * the versions either side of it.
   */
  versions: Version[];
  /** Quotes in the page's articles, in page order, the first STORY_QUOTES of them. */
  quotes: StoryQuote[];
  /** The names the story's articles mention most (all its articles, not the page), with the number of articles each is in. */
  entities: { name: string; type: string; documents: number }[];
}

export interface StoryPageQuery {
  offset?: number;
  limit?: number;
  order?: StoryMemberQuery['order'];
}

/** Members on a story page unless the caller asks for more or fewer. */
export const STORY_PAGE_SIZE = 20;
const STORY_ENTITIES = 30;

export interface StoryQuote {
  docId: string;
  start: number;
  text: string;
  /** The resolved name, else the words naming the speaker (`a spokeswoman`). */
  speaker?: string;
}

const STORY_QUOTES = 100;

function quotesOf(docs: readonly DocText[]): StoryQuote[] {
  const quotes: StoryQuote[] = [];
  for (const doc of docs)
    for (const span of doc.layers.quotes ?? []) {
      if (quotes.length >= STORY_QUOTES) return quotes;
      const speaker = span.attrs?.speakerName ?? span.attrs?.speakerText;
      quotes.push({
        docId: doc.id,
        start: span.start,
        text: doc.text.slice(span.start, span.end),
        speaker: typeof speaker === 'string' ? speaker : undefined,
      });
    }
  return quotes;
}

type StoryStore = DocumentReader & CorpusStateStore & LinkMarks & StoryIndex & DocFactsStore;

const storiesById = new WeakMap<readonly StoredStory[], Map<string, StoredStory>>();

/** The stored story with this id, else the story of the document this ref names (id, prefix or external id). */
async function findStory(
  store: StoryStore,
  ref: string,
): Promise<{ story: StoredStory; document?: string } | undefined> {
  const stories = await cachedCorpusState(store, STORIES_STATE);
  if (!stories) return undefined;
  let byId = storiesById.get(stories);
  if (!byId) {
    byId = new Map(stories.map((story) => [story.id, story]));
    storiesById.set(stories, byId);
  }
  const story = byId.get(ref);
  if (story) return { story };
  const doc = await store.getDocument(ref);
  const linked = doc && (await store.getDocLink(doc.id))?.story;
  const found = linked === undefined ? undefined : byId.get(linked);
  return found && doc ? { story: found, document: doc.id } : undefined;
}

/**
 * A stored story and one page of its members in date order, with the diffs between versions and
 * the quotes of that page alone: a story of thousands of articles costs what its page costs.
 */
export async function describeStory(
  store: StoryStore,
  ref: string,
  query: StoryPageQuery = {},
): Promise<StoryDetail | undefined> {
  const found = await findStory(store, ref);
  if (!found) return undefined;
  const { story, document } = found;
  const page = {
    offset: query.offset ?? 0,
    limit: query.limit ?? STORY_PAGE_SIZE,
    order: query.order ?? 'oldest',
  } satisfies StoryMemberQuery;
  const { total, members } = await store.storyMembers(story.id, page);
  const pairs = members.flatMap((member) =>
    member.previousVersion ? [{ older: member.previousVersion, newer: member.id }] : [],
  );
  if (document) {
    const around = await store.versionsAround(document);
    if (around.previous) pairs.push({ older: around.previous, newer: document });
    if (around.next) pairs.push({ older: document, newer: around.next });
  }
  const shown = new Set(members.map((member) => member.id));
  const entities = await store.storyEntities(story.id, STORY_ENTITIES);
  // A story of one article has nothing to share it with.
  const reasons =
    total > 1 ? await memberReasons(store, story.id, [...shown], entities) : new Map<string, MemberReason>();
  const texts = new Map(
    (
      await store.textsOf([...new Set([...shown, ...pairs.flatMap((pair) => [pair.older, pair.newer])])], ['quotes'])
    ).map((doc) => [doc.id, doc]),
  );
  const seen = new Set<string>();
  const versions: Version[] = [];
  for (const { older, newer } of pairs) {
    const before = texts.get(older);
    const after = texts.get(newer);
    if (!before || !after || seen.has(`${older}:${newer}`)) continue;
    seen.add(`${older}:${newer}`);
    const diff = diffVersions(asVersion(before), asVersion(after));
    versions.push({ older, newer, summary: summariseDiff(diff), diff });
  }
  return {
    id: story.id,
    label: story.label,
    dates: story.dates,
    outlets: story.outlets,
    total,
    ...page,
    members: members.map(({ previousVersion: _, ...member }) => {
      const why = reasons.get(member.id);
      return why ? { ...member, why } : member;
    }),
    versions,
    quotes: quotesOf(members.flatMap((member) => texts.get(member.id) ?? [])),
    entities,
  };
}

/** Members whose terms make up the story's side of the reasons, at most: a large story is sampled. */
const REASON_SAMPLE = 200;

async function memberReasons(
  store: StoryStore,
  story: string,
  ids: readonly string[],
  entities: readonly StoryEntity[],
): Promise<Map<string, MemberReason>> {
  const sampled = (
    await store.storyMembers(story, { offset: 0, limit: REASON_SAMPLE, order: 'oldest', versions: false })
  ).members.map((member) => member.id);
  const features = await store.readDocFacts(LINK_FEATURES, [...new Set([...sampled, ...ids])]);
  const withTerms = (id: string) => {
    const kept = features.get(id);
    return kept ? [{ id, terms: new Map(kept.terms) }] : [];
  };
  const spelled = new Map(entities.map((entity) => [entity.name.toLowerCase(), entity.name]));
  return storyReasons(ids.flatMap(withTerms), sampled.flatMap(withTerms), { spelled });
}

function asVersion(doc: DocText): { text: string; meta: { headline?: string } } {
  return { text: doc.text, meta: { headline: doc.headline } };
}

/** The ids of every document in a story (by story id or a member's id), for filters that need them all. */
export async function storyDocuments(store: StoryStore, ref: string): Promise<ReadonlySet<string> | undefined> {
  const found = await findStory(store, ref);
  return found && new Set(await store.membersOf('story', found.story.id));
}

/** The documents still stored, oldest first by stated day, else the first day of an estimate (undated first). */
async function byDate(ids: readonly string[], store: DocumentReader): Promise<StoredDoc[]> {
  const docs: StoredDoc[] = [];
  for (const id of ids) {
    const doc = await store.getDocument(id);
    if (doc !== undefined) docs.push(doc);
  }
  return docs.sort((a, b) => orderingDay(a.meta).localeCompare(orderingDay(b.meta)));
}

/** Each version of one article against the one before it, in date order. */
function consecutiveVersions(docs: readonly StoredDoc[]): Version[] {
  const versions: Version[] = [];
  for (let i = 1; i < docs.length; i++) {
    const older = docs[i - 1] as StoredDoc;
    const newer = docs[i] as StoredDoc;
    const diff = diffVersions(older, newer);
    versions.push({ older: older.id, newer: newer.id, summary: summariseDiff(diff), diff });
  }
  return versions;
}

export interface DuplicateGroupDetail {
  id: string;
  kind: StoredDuplicateGroup['kind'];
  members: { id: string; headline?: string; published?: string; outlet?: string }[];
  versions: Version[];
}

export interface DuplicateGroupsPage {
  total: number;
  groups: DuplicateGroupDetail[];
}

/**
 * Groups of versions of one article, largest first, a page at a time: each with its documents in
 * date order and what changed from one to the next. Undefined before the corpus is first linked.
 */
export async function duplicateGroupsPage(
  store: DocumentReader & CorpusStateStore,
  query: { kind?: StoredDuplicateGroup['kind']; offset?: number; limit?: number } = {},
): Promise<DuplicateGroupsPage | undefined> {
  const stored = await cachedCorpusState(store, DUPLICATES_STATE);
  if (!stored) return undefined;
  const kept = stored
    .filter((group) => !query.kind || group.kind === query.kind)
    .sort((a, b) => b.memberIds.length - a.memberIds.length);
  const offset = query.offset ?? 0;
  const page = kept.slice(offset, offset + (query.limit ?? kept.length));
  const groups: DuplicateGroupDetail[] = [];
  for (const group of page) {
    const members = await byDate(group.memberIds, store);
    groups.push({
      id: group.id,
      kind: group.kind,
      members: members.map((doc) => ({
        id: doc.id,
        headline: doc.meta.headline,
        published: statedPublished(doc.meta),
        outlet: doc.meta.outlet,
      })),
      versions: consecutiveVersions(members),
    });
  }
  return { total: kept.length, groups };
}

/** Members are ordered by their stated day, else the first day of an estimate (a twin's copied date). */
function orderingDay(meta: Pick<DocMeta, 'published'>): string {
  return statedPublished(meta) ?? meta.published?.earliest ?? '';
}

function summariseDiff(diff: ReturnType<typeof diffVersions>): string {
  const { same, added, removed, changed } = diff.counts;
  return `${diff.headline ? 'headline changed; ' : ''}paragraphs: ${added} added, ${removed} removed, ${changed} changed, ${same} same`;
}
