import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractStoryTerms, LINK_FEATURES, STORIES_STATE } from '../link/index.js';
import { makeTestDoc, strikeArticles } from '../server/test-corpus.js';
import type { Store } from '../store/index.js';
import { describeStory, storyDocuments } from './index.js';
import { openTempStore, type TempStore } from './test-store.js';

const [first, second, third] = strikeArticles().map((doc) => doc.id) as [string, string, string];
// Two later versions of the third article: a paragraph added, then a headline changed.
const update = makeTestDoc(
  '4'.repeat(64),
  'The council backed the strike. "Pay them," said Ana Reyes, with the Dockers Union.\n\nTalks resume on Monday.',
  { headline: 'Council backs strike', outlet: 'Coast Daily', published: '2024-04-21' },
);
const retitled = makeTestDoc('5'.repeat(64), update.text, {
  headline: 'Council backs dockers',
  outlet: 'Coast Daily',
  published: '2024-04-22',
});
const undated = makeTestDoc('6'.repeat(64), 'The strike entered its sixth week.', { headline: 'Week six' });
const all = [first, second, third, update.id, retitled.id, undated.id];

let temp: TempStore;
let store: Store;

beforeEach(async () => {
  temp = openTempStore('lede-query-story-');
  store = temp.store;
  await store.putDocuments([...strikeArticles(), update, retitled, undated].map((doc) => ({ doc })));
  const versions = new Set([third, update.id, retitled.id]);
  await store.putDocLinks(
    all.map((id) =>
      versions.has(id)
        ? { id, story: 'story-0', duplicateGroup: 'dup-0', duplicateKind: 'near' as const }
        : { id, story: 'story-0' },
    ),
  );
  await store.putCorpusState(STORIES_STATE, [
    {
      id: 'story-0',
      label: 'harbour strike',
      members: all.map((id) => id.slice(0, 4)),
      memberIds: all,
      outlets: ['Coast Daily', 'Harbour Post'],
      dates: { first: '2024-03-13', last: '2024-04-22' },
    },
  ]);
});

afterEach(() => temp.remove());

const ids = (detail: Awaited<ReturnType<typeof describeStory>>) => detail?.members.map((member) => member.id);

describe('describeStory', () => {
  it('pages the members by date, undated first when oldest first and last when newest first', async () => {
    const page = await describeStory(store, 'story-0', { limit: 2 });
    expect(page).toMatchObject({ id: 'story-0', total: 6, offset: 0, limit: 2, order: 'oldest' });
    expect(ids(page)).toEqual([undated.id, first]);
    expect(ids(await describeStory(store, 'story-0', { limit: 2, offset: 2 }))).toEqual([second, third]);
    expect(ids(await describeStory(store, 'story-0', { order: 'newest', limit: 3 }))).toEqual([
      retitled.id,
      update.id,
      third,
    ]);
    expect(ids(await describeStory(store, 'story-0', { order: 'newest', offset: 5 }))).toEqual([undated.id]);
  });

  it('orders a member by its date as linking last set it', async () => {
    await store.setPublished(undated.id, { value: '2024-05-01', estimated: false });
    expect(ids(await describeStory(store, 'story-0', { order: 'newest', limit: 1 }))).toEqual([undated.id]);
  });

  it('diffs each member on the page against the version before it, and no others', async () => {
    const page = await describeStory(store, 'story-0', { offset: 3, limit: 2 });
    expect(ids(page)).toEqual([third, update.id]);
    expect(page?.versions.map(({ older, newer }) => [older, newer])).toEqual([[third, update.id]]);
    expect(page?.versions[0]?.diff.counts).toMatchObject({ added: 1, same: 1 });
    const last = await describeStory(store, 'story-0', { offset: 5 });
    expect(last?.versions.map(({ older, newer }) => [older, newer])).toEqual([[update.id, retitled.id]]);
    expect(last?.versions[0]?.diff.headline).toBeDefined();
    expect((await describeStory(store, 'story-0', { limit: 3 }))?.versions).toEqual([]);
  });

  it('asked by a document, finds its story and the versions either side of it, wherever its page falls', async () => {
    const detail = await describeStory(store, update.id, { limit: 1 });
    expect(detail?.id).toBe('story-0');
    expect(ids(detail)).toEqual([undated.id]);
    expect(detail?.versions.map(({ older, newer }) => [older, newer])).toEqual([
      [third, update.id],
      [update.id, retitled.id],
    ]);
  });

  it("takes quotes from the page's articles and names from the whole story", async () => {
    const page = await describeStory(store, 'story-0', { offset: 1, limit: 1 });
    expect(page?.quotes).toEqual([
      {
        docId: first,
        start: strikeArticles()[0]?.text.indexOf('We stay out') as number,
        text: 'We stay out,',
        speaker: 'Mara Quill',
      },
    ]);
    expect(page?.entities[0]).toEqual({ name: 'Dockers Union', type: 'ORG', documents: 2 });
    expect(page?.entities.map((entity) => entity.name).sort()).toEqual([
      'Ana Reyes',
      'Dockers Union',
      'Mara Quill',
      'Quill',
    ]);
  });

  it('says what each member shares with the rest, from the terms linking kept, with names as written', async () => {
    expect((await describeStory(store, 'story-0', { limit: 1 }))?.members[0]?.why).toBeUndefined();
    await store.putDocFacts(
      LINK_FEATURES,
      [...strikeArticles(), update, retitled, undated].map((doc) => ({
        id: doc.id,
        facts: { shingles: '', exact: [0, 0] as [number, number], bands: null, terms: [...extractStoryTerms(doc)] },
      })),
    );
    const members = (await describeStory(store, 'story-0'))?.members ?? [];
    const withName = members.filter((member) => member.why?.names.includes('Dockers Union'));
    expect(withName.length).toBeGreaterThanOrEqual(2);
    expect(members.find((member) => member.id === undated.id)?.why).toMatchObject({ names: [], weak: true });
  });

  it('answers undefined for an unknown story, and lists every document of a story for filters', async () => {
    expect(await describeStory(store, 'story-9')).toBeUndefined();
    expect([...((await storyDocuments(store, 'story-0')) ?? [])].sort()).toEqual([...all].sort());
    expect(await storyDocuments(store, 'story-9')).toBeUndefined();
  });
});
