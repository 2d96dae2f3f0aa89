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
  it('puts two reports of one earthquake in one story and a piracy report in another', () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    expect(index.add(quake1).story).toBe(0);
    const second = index.add(quake2);
    expect(second.story).toBe(0);
    expect(second.similarity).toBeGreaterThan(0.2);
    expect(index.add(pirates).story).toBe(1);
    expect(index.assignments()).toEqual([0, 0, 1]);
  });

  it('restores members into the stories an earlier run gave them, keeps them there, and numbers new stories after them', () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    // An earlier run put the piracy report alone in story 4 and the first quake report in story 7.
    expect(index.restore(pirates, 4)).toBe(0);
    expect(index.restore(quake1, 7)).toBe(1);
    const joined = index.add(quake2);
    expect(joined.story).toBe(7);
    expect(
      index.add(
        doc(
          'n1',
          'Council approves new library',
          'The town council approved plans for a new public library on Monday.',
        ),
      ).story,
    ).toBe(8);
    expect(index.refine()).toBe(0);
    expect(index.assignments()).toEqual([4, 7, 7, 8]);
    expect(index.summaries().map((story) => story.id)).toEqual(['story-4', 'story-7', 'story-8']);
  });

  it('never moves a restored member in refine, even one a fresh run would place elsewhere', () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    // An earlier run kept the two quake reports apart; unrestricted, refine would join them.
    index.restore(quake1, 0);
    index.restore(quake2, 1);
    expect(index.add(pirates).story).toBe(2);
    expect(index.refine()).toBe(0);
    expect(index.assignments()).toEqual([0, 1, 2]);
  });

  it('summarises a story with its central headline, date range and outlets', () => {
    const { stories } = storiesJson([quake1 as never, quake2 as never, pirates as never], {
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

  it('keeps a dated document out of a story more than a week away', () => {
    const index = new StoryIndex({ prior: null, threshold: 0.2 });
    index.add(quake1);
    expect(
      index.add({ ...quake2, meta: { ...quake2.meta, published: { value: '2015-01-10', estimated: false } } }).story,
    ).toBe(1);
  });

  it('loads the shipped document-frequency prior by default', () => {
    const cold = new StoryIndex({ prior: null });
    const warm = new StoryIndex();
    for (const index of [cold, warm]) {
      index.add(quake1);
      index.add(quake2);
    }
    expect(warm.similarity(0, 1)).not.toBeCloseTo(cold.similarity(0, 1), 3);
  });
});

describe('cluster scores', () => {
  it('scores a perfect partition as 1 and counts mixed clusters', () => {
    expect(bcubed(['a', 'a', 'b'], [7, 7, 9])).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(pairwise(['a', 'a', 'b'], [7, 7, 9])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(countMixedClusters(['t1', 't2', 't2'], [1, 1, 2])).toBe(1);
  });

  it('gives B-cubed precision 5/9 when three items of two gold clusters share one cluster', () => {
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

  const run = (seed: number) => {
    const index = new StoryIndex({ threshold: 0.2 });
    for (const i of shuffled(picked, seed)) index.add(docs[i] as never);
    return { index, moves: index.refine() };
  };

  it('regroups arrivals into a fixed point that a second pass leaves alone', () => {
    let moved = 0;
    for (const seed of [1, 2, 3]) {
      const { index, moves } = run(seed);
      moved += moves;
      expect(index.refine()).toBe(0);
      const members = index.summaries().flatMap((story) => story.members);
      expect(members.sort()).toEqual(picked.map((i) => records[i]?.id).sort());
      expect(index.summaries().every((story) => story.members.length > 0)).toBe(true);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('never joins reports of different topics', () => {
    const topicOf = new Map(picked.map((i) => [records[i]?.id, records[i]?.topic]));
    for (const seed of [1, 2, 3]) {
      for (const story of run(seed).index.summaries())
        expect(new Set(story.members.map((member) => topicOf.get(member))).size).toBe(1);
    }
  });
});
