import { DUPLICATES_STATE, diffVersions, STORIES_STATE } from '../link/index.js';
import { type DocMeta, statedPublished } from '../model/index.js';
import type { CorpusStateStore, DocumentReader, LinkMarks } from '../store/index.js';

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
  }[];
  /** Consecutive versions of one article inside the story, with what changed. */
  versions: { older: string; newer: string; summary: string; diff: ReturnType<typeof diffVersions> }[];
}

/** A stored story with its members in date order and the diffs between versions of one article. */
export function describeStory(
  store: DocumentReader & CorpusStateStore & LinkMarks,
  ref: string,
): StoryDetail | undefined {
  const stories = store.getCorpusState(STORIES_STATE) ?? [];
  let story = stories.find((candidate) => candidate.id === ref);
  if (!story) {
    const doc = store.getDocument(ref);
    const link = doc ? store.getDocLink(doc.id) : undefined;
    story = stories.find((candidate) => candidate.id === link?.story);
  }
  if (!story) return undefined;
  const members = story.memberIds
    .map((id) => store.getDocument(id))
    .filter((doc) => doc !== undefined)
    .sort((a, b) => orderingDay(a.meta).localeCompare(orderingDay(b.meta)));
  const groups = store.getCorpusState(DUPLICATES_STATE) ?? [];
  const versions: StoryDetail['versions'] = [];
  for (const group of groups) {
    const inStory = members.filter((doc) => group.memberIds.includes(doc.id));
    for (let i = 1; i < inStory.length; i++) {
      const older = inStory[i - 1];
      const newer = inStory[i];
      if (!older || !newer) continue;
      const diff = diffVersions(older, newer);
      versions.push({ older: older.id, newer: newer.id, summary: summariseDiff(diff), diff });
    }
  }
  return {
    id: story.id,
    label: story.label,
    dates: story.dates,
    outlets: story.outlets,
    members: members.map((doc) => ({
      id: doc.id,
      externalId: doc.externalId,
      headline: doc.meta.headline,
      published: statedPublished(doc.meta),
      outlet: doc.meta.outlet,
      duplicateGroup: store.getDocLink(doc.id)?.duplicateGroup,
    })),
    versions,
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
