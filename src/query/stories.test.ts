import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUPLICATES_STATE, STORIES_STATE, type StoredStory } from '../link/index.js';
import { strikeArticles } from '../server/test-corpus.js';
import type { Store } from '../store/index.js';
import { queryDuplicates, queryStories, requireLinked, storyMembers } from './index.js';
import { openTempStore, type TempStore } from './test-store.js';

const [first, second, third] = strikeArticles().map((doc) => doc.id) as [string, string, string];
const story = (id: string, memberIds: string[]): StoredStory => ({
  id,
  label: `label of ${id}`,
  members: memberIds.map((member) => member.slice(0, 4)),
  memberIds,
  outlets: [],
});

let temp: TempStore;
let store: Store;

beforeEach(async () => {
  temp = openTempStore('lede-query-stories-');
  store = temp.store;
  await store.putDocuments(strikeArticles().map((doc) => ({ doc })));
});

afterEach(() => temp.remove());

describe('queryStories', () => {
  it('answers undefined before the first link, and requireLinked names the command that links', async () => {
    expect(await queryStories(store)).toBeUndefined();
    expect(await queryDuplicates(store)).toBeUndefined();
    const unlinked = await queryStories(store);
    expect(() => requireLinked(unlinked)).toThrow('the corpus has not been linked yet: run lede link (or lede ingest)');
  });

  it('keeps stored order, or puts clusters first, then filters by size and pages', async () => {
    await store.putCorpusState(STORIES_STATE, [
      story('story-0', [first]),
      story('story-1', [second, third]),
      story('story-2', ['f'.repeat(64)]),
    ]);
    const ids = (page: Awaited<ReturnType<typeof queryStories>>) => page?.stories.map((kept) => kept.id);
    expect(ids(await queryStories(store))).toEqual(['story-0', 'story-1', 'story-2']);
    expect(ids(await queryStories(store, { clustersFirst: true }))).toEqual(['story-1', 'story-0', 'story-2']);
    expect(ids(await queryStories(store, { minMembers: 2 }))).toEqual(['story-1']);
    expect(await queryStories(store, { clustersFirst: true, offset: 1, limit: 1 })).toMatchObject({
      stored: 3,
      total: 3,
      stories: [{ id: 'story-0' }],
    });
  });

  it('filters by outlet and sorts by size or date, undated stories last either way', async () => {
    await store.putCorpusState(STORIES_STATE, [
      { ...story('story-0', [first]), outlets: ['Coast Daily'], dates: { first: '2024-04-01', last: '2024-04-01' } },
      { ...story('story-1', [second, third]), outlets: ['Coast Daily', 'Wire'] },
      { ...story('story-2', ['f'.repeat(64)]), outlets: ['Wire'], dates: { first: '2024-03-01', last: '2024-05-01' } },
    ]);
    const ids = async (query: Parameters<typeof queryStories>[1]) =>
      (await queryStories(store, query))?.stories.map((s) => s.id);
    expect(await ids({ sort: 'size' })).toEqual(['story-1', 'story-0', 'story-2']);
    expect(await ids({ sort: 'newest' })).toEqual(['story-2', 'story-0', 'story-1']);
    expect(await ids({ sort: 'oldest' })).toEqual(['story-2', 'story-0', 'story-1']);
    expect(await queryStories(store, { outlet: 'Wire', limit: 1 })).toMatchObject({
      stored: 3,
      total: 2,
      stories: [{ id: 'story-1' }],
    });
  });

  it('lists members as the server shows them, from the stored links, leaving out documents no longer stored', async () => {
    const linked = story('story-1', [second, 'f'.repeat(64), third]);
    await store.putDocLinks(linked.memberIds.map((id) => ({ id, story: linked.id })));
    await store.putDocLinks([]);
    expect(await storyMembers(store, linked)).toEqual([]);
    await store.putDocLinks(linked.memberIds.map((id) => ({ id, story: linked.id })));
    expect(await storyMembers(store, linked, 1)).toEqual([
      { id: third, headline: 'Council backs strike', outlet: 'Coast Daily', published: '2024-04-20' },
    ]);
    const members = await storyMembers(store, linked);
    expect(members).toEqual([
      { id: second, headline: 'Port answers strike', outlet: 'Coast Daily', published: '2024-04-02' },
      { id: third, headline: 'Council backs strike', outlet: 'Coast Daily', published: '2024-04-20' },
    ]);
  });

  it('reads the stored version groups', async () => {
    const group = { id: 'dup-0', kind: 'near' as const, memberIds: [first, third], members: ['a', 'b'], pairs: [] };
    await store.putCorpusState(DUPLICATES_STATE, [group]);
    expect(await queryDuplicates(store)).toEqual([group]);
  });
});
