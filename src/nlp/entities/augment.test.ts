import { describe, expect, it } from 'vitest';
import { augmentWithArabicNames } from './augment.js';
import { entitiesFromIob } from './conll.js';

function seeded(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

describe('augmentWithArabicNames', () => {
  const doc = {
    sentences: [
      { words: ['Peter', 'Blackburn', 'visited', 'Brussels', '.'], tags: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'] },
      { words: ['It', 'rained', '.'], tags: ['O', 'O', 'O'] },
    ],
  };
  const options = {
    givenNames: ['Hamid'],
    surnames: ['Tamimi'],
    orgHeads: ['Jaish'],
    placeHeads: ['Tell'],
    rate: 1,
    random: seeded([0, 0.1, 0.2, 0.3]),
  };

  it('adds a copy of a sentence with its names replaced and the tags still aligned', () => {
    const [augmented] = augmentWithArabicNames([doc], options);
    expect(augmented?.sentences).toHaveLength(3);
    const copy = augmented?.sentences[2];
    expect(copy?.words.length).toBe(copy?.tags.length);
    expect(copy?.words).toContain('visited');
    const entities = entitiesFromIob(copy?.tags ?? []).map((e) => [
      copy?.words.slice(e.start, e.end).join(' '),
      e.label,
    ]);
    expect(entities.map(([, label]) => label)).toEqual(['PER', 'LOC']);
    expect(entities.every(([name]) => /al-Tamimi|Tamimi/.test(name as string))).toBe(true);
  });

  it('leaves sentences without names and the originals untouched', () => {
    const [augmented] = augmentWithArabicNames([doc], options);
    expect(augmented?.sentences.slice(0, 2)).toEqual(doc.sentences);
  });
});
