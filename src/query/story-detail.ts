import {
  DUPLICATES_STATE,
  diffVersions,
  explainMembers,
  type MembershipReason,
  STORIES_STATE,
  type StoredDuplicateGroup,
} from '../link/index.js';
import { type DocMeta, statedPublished } from '../model/index.js';
import type { CorpusStateStore, DocumentReader, LinkMarks, StoredDoc } from '../store/index.js';
import { cachedCorpusState } from './cached-state.js';

type Version = { older: string; newer: string; summary: string; diff: ReturnType<typeof diffVersions> };

export interface StoryDetail {
  id: string;
  label: string;
  dates?: { first: string; last: string };
  outlets: string[];
  members: {
    id: string;
    externalId?: string;
    headline?: string;
    published?: string;
    outlet?: string;
    duplicateGroup?: string;
    /** Why it is in the story: what it shares with the other members, and where its event signature disagrees. */
    why: MembershipReason;
  }[];
  /** Consecutive versions of one article inside the story, with what changed. */
  versions: Version[];
  /** Quotes in the story's articles, in article date order, the first STORY_QUOTES of them. */
  quotes: StoryQuote[];
  /** The names its articles mention most, with the number of articles each is in. */
  entities: { name: string; type: string; documents: number }[];
}

const STORY_ENTITIES = 30;

function entitiesOf(docs: readonly StoredDoc[]): StoryDetail['entities'] {
  const found = new Map<string, { name: string; type: string; documents: number }>();
  for (const doc of docs) {
    const inDoc = new Set<string>();
    for (const span of doc.layers.entities ?? []) {
      const name = typeof span.attrs?.entity === 'string' ? span.attrs.entity : doc.text.slice(span.start, span.end);
      if (inDoc.has(name)) continue;
      inDoc.add(name);
      const entry = found.get(name) ?? { name, type: span.label, documents: 0 };
      entry.documents++;
      found.set(name, entry);
    }
  }
  return [...found.values()]
    .sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name))
    .slice(0, STORY_ENTITIES);
}

export interface StoryQuote {
  docId: string;
  start: number;
  text: string;
  /** The resolved name, else the words naming the speaker (`a spokeswoman`). */
  speaker?: string;
}

const STORY_QUOTES = 100;

function quotesOf(docs: readonly StoredDoc[]): StoryQuote[] {
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

/** A stored story with its members in date order and the diffs between versions of one article. */
export function describeStory(
  store: DocumentReader & CorpusStateStore & LinkMarks,
  ref: string,
): StoryDetail | undefined {
  const stories = cachedCorpusState(store, STORIES_STATE) ?? [];
  let story = stories.find((candidate) => candidate.id === ref);
  if (!story) {
    const doc = store.getDocument(ref);
    const link = doc ? store.getDocLink(doc.id) : undefined;
    story = stories.find((candidate) => candidate.id === link?.story);
  }
  if (!story) return undefined;
  const members = byDate(story.memberIds, store);
  const reasons = explainMembers(members);
  const groups = cachedCorpusState(store, DUPLICATES_STATE) ?? [];
  const versions = groups.flatMap((group) =>
    consecutiveVersions(members.filter((doc) => group.memberIds.includes(doc.id))),
  );
  return {
    id: story.id,
    label: story.label,
    dates: story.dates,
    outlets: story.outlets,
    members: members.map((doc, i) => ({
      id: doc.id,
      externalId: doc.externalId,
      headline: doc.meta.headline,
      published: statedPublished(doc.meta),
      outlet: doc.meta.outlet,
      duplicateGroup: store.getDocLink(doc.id)?.duplicateGroup,
      why: reasons[i] as MembershipReason,
    })),
    versions,
    quotes: quotesOf(members),
    entities: entitiesOf(members),
  };
}

/** The documents still stored, oldest first by stated day, else the first day of an estimate (undated first). */
function byDate(ids: readonly string[], store: DocumentReader): StoredDoc[] {
  return ids
    .map((id) => store.getDocument(id))
    .filter((doc) => doc !== undefined)
    .sort((a, b) => orderingDay(a.meta).localeCompare(orderingDay(b.meta)));
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
export function duplicateGroupsPage(
  store: DocumentReader & CorpusStateStore,
  query: { kind?: StoredDuplicateGroup['kind']; offset?: number; limit?: number } = {},
): DuplicateGroupsPage | undefined {
  const stored = cachedCorpusState(store, DUPLICATES_STATE);
  if (!stored) return undefined;
  const kept = stored
    .filter((group) => !query.kind || group.kind === query.kind)
    .sort((a, b) => b.memberIds.length - a.memberIds.length);
  const offset = query.offset ?? 0;
  const page = kept.slice(offset, offset + (query.limit ?? kept.length));
  return {
    total: kept.length,
    groups: page.map((group) => {
      const members = byDate(group.memberIds, store);
      return {
        id: group.id,
        kind: group.kind,
        members: members.map((doc) => ({
          id: doc.id,
          headline: doc.meta.headline,
          published: statedPublished(doc.meta),
          outlet: doc.meta.outlet,
        })),
        versions: consecutiveVersions(members),
      };
    }),
  };
}

/** Members are ordered by their stated day, else the first day of an estimate (a twin's copied date). */
function orderingDay(meta: Pick<DocMeta, 'published'>): string {
  return statedPublished(meta) ?? meta.published?.earliest ?? '';
}

function summariseDiff(diff: ReturnType<typeof diffVersions>): string {
  const { same, added, removed, changed } = diff.counts;
  return `${diff.headline ? 'headline changed; ' : ''}paragraphs: ${added} added, ${removed} removed, ${changed} changed, ${same} same`;
}
