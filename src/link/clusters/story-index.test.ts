import { describe, expect, it } from 'vitest';
import { bcubed, countMixedClusters, pairwise } from '../../eval/stories/cluster-scores.js';
import { loadEcbPlus, shuffled } from '../../eval/stories/evaluate.js';
import { emptyMeta } from '../../model/index.js';
import { storiesJson } from './stories-json.js';
import { StoryIndex } from './story-index.js';

const doc = (id: string, headline: string, text: string, date?: string, outlet?: string) => ({
  id,
  externalId: id,
  text,
  meta: { ...emptyMeta(), headline, outlet, published: date ? { value: date, estimated: false } : undefined },
  layers: {},
});

const quake1 = doc(
  'q1',
  'Magnitude 6.1 earthquake strikes near Napa',
  'A magnitude 6.1 earthquake struck near Napa in Northern California early on Sunday, damaging historic buildings and injuring dozens. The US Geological Survey said the quake was centred six miles south of Napa.',
  '2014-08-24',
  'Daily Planet',
);
const quake2 = doc(
  'q2',
  'Napa earthquake injures dozens',
  'Dozens were injured when a 6.1 magnitude earthquake hit Napa, California on Sunday. The US Geological Survey put the epicentre south of Napa; historic buildings were damaged across the valley.',
  '2014-08-25',
  'Morning Post',
);
const pirates = doc(
  'p1',
  'Indian navy captures Somali pirates in Gulf of Aden',
  'The Indian navy captured 23 Somali pirates in the Gulf of Aden on Saturday after they tried to board a merchant vessel. The frigate INS Mysore intercepted the pirate boats and seized weapons.',
  '2008-12-13',
  'Wire',
);

describe('StoryIndex', () => {
  it('puts two reports of one earthquake in one story and a piracy report in another', async () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    expect((await index.add(quake1)).story).toBe(0);
    const second = await index.add(quake2);
    expect(second.story).toBe(0);
    expect(second.similarity).toBeGreaterThan(0.2);
    expect((await index.add(pirates)).story).toBe(1);
    expect(index.assignments()).toEqual([0, 0, 1]);
  });

  it('restores members into the stories an earlier run gave them, keeps them there, and numbers new stories after them', async () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    // An earlier run put the piracy report alone in story 4 and the first quake report in story 7.
    expect(await index.restore(pirates, 4)).toBe(0);
    expect(await index.restore(quake1, 7)).toBe(1);
    const joined = await index.add(quake2);
    expect(joined.story).toBe(7);
    expect(
      (
        await index.add(
          doc(
            'n1',
            'Council approves new library',
            'The town council approved plans for a new public library on Monday.',
          ),
        )
      ).story,
    ).toBe(8);
    expect(await index.refine()).toBe(0);
    expect(index.assignments()).toEqual([4, 7, 7, 8]);
    expect((await index.summaries()).map((story) => story.id)).toEqual(['story-4', 'story-7', 'story-8']);
  });

  it('never moves a restored member in refine, even one a fresh run would place elsewhere', async () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    // An earlier run kept the two quake reports apart; unrestricted, refine would join them.
    await index.restore(quake1, 0);
    await index.restore(quake2, 1);
    expect((await index.add(pirates)).story).toBe(2);
    expect(await index.refine()).toBe(0);
    expect(index.assignments()).toEqual([0, 1, 2]);
  });

  it('summarises a story with its central headline, date range and outlets', async () => {
    const { stories } = await storiesJson([quake1 as never, quake2 as never, pirates as never], {
      prior: null,
      threshold: 0.2,
    });
    expect(stories).toHaveLength(2);
    expect(stories[0]).toMatchObject({
      id: 'story-0',
      members: ['q1', 'q2'],
      dates: { first: '2014-08-24', last: '2014-08-25' },
      outlets: ['Daily Planet', 'Morning Post'],
    });
    expect(['Magnitude 6.1 earthquake strikes near Napa', 'Napa earthquake injures dozens']).toContain(
      stories[0]?.label,
    );
    expect(stories[1]).toMatchObject({ members: ['p1'], label: 'Indian navy captures Somali pirates in Gulf of Aden' });
  });

  it('keeps a dated document out of a story more than a week away', async () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    await index.add(quake1);
    expect(
      (await index.add({ ...quake2, meta: { ...quake2.meta, published: { value: '2015-01-10', estimated: false } } }))
        .story,
    ).toBe(1);
  });

  it('loads the shipped document-frequency prior by default', async () => {
    const cold = new StoryIndex({ prior: null });
    const warm = new StoryIndex();
    for (const index of [cold, warm]) {
      await index.add(quake1);
      await index.add(quake2);
    }
    expect(warm.similarity(0, 1)).not.toBeCloseTo(cold.similarity(0, 1), 3);
  });
});

describe('cluster scores', () => {
  it('scores a perfect partition as 1 and counts mixed clusters', async () => {
    expect(bcubed(['a', 'a', 'b'], [7, 7, 9])).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(pairwise(['a', 'a', 'b'], [7, 7, 9])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(countMixedClusters(['t1', 't2', 't2'], [1, 1, 2])).toBe(1);
  });

  it('gives B-cubed precision 5/9 when three items of two gold clusters share one cluster', async () => {
    const score = bcubed(['a', 'a', 'b'], [1, 1, 1]);
    expect(score.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 10);
    expect(score.recall).toBe(1);
    expect(pairwise(['a', 'a', 'b'], [1, 1, 1])).toMatchObject({ tp: 1, fp: 2, fn: 0 });
  });
});

describe('StoryIndex.refine', () => {
  // Real reports: four ECB+ dev topics, each with two different events of one kind (text only).
  const { docs, records } = loadEcbPlus('dev');
  const picked = records.flatMap((record, i) => (['5', '12', '18', '23'].includes(record.topic ?? '') ? [i] : []));

  const run = async (seed: number) => {
    const index = new StoryIndex({ threshold: 0.2 });
    for (const i of shuffled(picked, seed)) await index.add(docs[i] as never);
    return { index, moves: await index.refine() };
  };

  it('regroups arrivals into a fixed point that a second pass leaves alone', async () => {
    let moved = 0;
    for (const seed of [1, 2, 3]) {
      const { index, moves } = await run(seed);
      moved += moves;
      expect(await index.refine()).toBe(0);
      const members = (await index.summaries()).flatMap((story) => story.members);
      expect(members.sort()).toEqual(picked.map((i) => records[i]?.id).sort());
      expect((await index.summaries()).every((story) => story.members.length > 0)).toBe(true);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('never joins reports of different topics', async () => {
    const topicOf = new Map(picked.map((i) => [records[i]?.id, records[i]?.topic]));
    for (const seed of [1, 2, 3]) {
      for (const story of await (await run(seed)).index.summaries())
        expect(new Set(story.members.map((member) => topicOf.get(member))).size).toBe(1);
    }
  });
});

describe('StoryIndex with a kept index', () => {
  const pirates2 = doc(
    'p2',
    'Somali pirates seized by Indian frigate',
    'An Indian frigate seized 23 Somali pirates in the Gulf of Aden on Saturday as they tried to board a merchant ship. The navy said INS Mysore intercepted two pirate boats and took their weapons.',
    '2008-12-14',
    'Evening Star',
  );
  const quake3 = doc(
    'q3',
    'Napa counts the cost of the earthquake',
    'Napa began counting the cost of Sunday’s magnitude 6.1 earthquake, which damaged historic buildings south of the city. The US Geological Survey said aftershocks were likely in Northern California.',
    '2014-08-26',
    'Wire',
  );
  const earlier = [
    quake1,
    pirates,
    doc(
      'l1',
      'Council approves new library',
      'The city council approved plans for a new public library on Tuesday after a long debate about costs.',
    ),
  ];
  const later = [quake2, pirates2, quake3];

  /** What a store keeps of an index that placed `docs`: centroids, frequencies, postings and members. */
  function keptOf(index: StoryIndex, docs: typeof earlier) {
    const assignment = index.assignments();
    const df = new Map<string, number>();
    const centroids = new Map<number, Map<string, number>>();
    const postings = new Map<string, number[]>();
    const members = new Map<number, number[]>();
    index.heldMembers().forEach((member, i) => {
      const centroid = centroids.get(member.story) ?? new Map<string, number>();
      centroids.set(member.story, centroid);
      members.set(member.story, [...(members.get(member.story) ?? []), i]);
      for (const [term, share] of member.shares) {
        df.set(term, (df.get(term) ?? 0) + 1);
        if (!centroid.has(term)) postings.set(term, [...(postings.get(term) ?? []), member.story]);
        centroid.set(term, (centroid.get(term) ?? 0) + share);
      }
    });
    const norms = index.heldMembers().map((member) => member.norm);
    return {
      documents: docs.length,
      nextStory: Math.max(...assignment) + 1,
      frequencies: async (terms: readonly string[]) =>
        new Map(terms.flatMap((term) => (df.has(term) ? [[term, df.get(term) as number] as const] : []))),
      storiesWithTerm: async (term: string) => postings.get(term) ?? [],
      centroid: async (story: number) => new Map(centroids.get(story)),
      members: async (story: number, withTerms: boolean) =>
        (members.get(story) ?? []).map((i) => {
          const member = docs[i] as (typeof docs)[number];
          return {
            name: member.id,
            terms: withTerms ? index.termsOf(member) : new Map<string, number>(),
            headline: member.meta.headline,
            date: member.meta.published?.value,
            outlet: member.meta.outlet,
            norm: norms[i] as number,
          };
        }),
    };
  }

  it('places new documents as an index that restored every earlier one does', async () => {
    const first = new StoryIndex({ prior: null });
    for (const earlierDoc of earlier) await first.add(earlierDoc);
    await first.refine();
    const kept = new StoryIndex({ prior: null, kept: keptOf(first, earlier) });
    const restored = new StoryIndex({ prior: null });
    for (const [i, story] of first.assignments().entries()) {
      await restored.restore(earlier[i] as (typeof earlier)[number], story);
    }

    const placedKept = [];
    for (const laterDoc of later) placedKept.push(await kept.add(laterDoc));
    const placedRestored = [];
    for (const laterDoc of later) placedRestored.push(await restored.add(laterDoc));
    expect(placedKept.map(({ story, similarity }) => ({ story, similarity }))).toEqual(
      placedRestored.map(({ story, similarity }) => ({ story, similarity })),
    );
    await kept.refine(placedKept.map(({ doc }) => doc));
    await restored.refine(placedRestored.map(({ doc }) => doc));
    expect(kept.assignments()).toEqual(restored.assignments().slice(earlier.length));
    // A kept index summarises the stories the new documents joined, as the full one does.
    const joined = new Set(kept.assignments().map((story) => `story-${story}`));
    expect(joined.size).toBeGreaterThan(1);
    expect(await kept.summaries()).toEqual((await restored.summaries()).filter((story) => joined.has(story.id)));
    expect((await kept.summaries()).some((story) => story.members.length > 1)).toBe(true);
  });
});
