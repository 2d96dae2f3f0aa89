import { describe, expect, it } from 'vitest';
import { retypeArticlePersons, retypeLonePersons } from './lone-persons.js';

// Scores in LABELS order: PER, ORG, LOC, MISC.
const untitled = () => false;

describe('retypeLonePersons', () => {
  const sentences = [
    ['Ivan', 'Gorokhovsky', 'said', 'Rotor', 'would', 'play'],
    ['Rotor', 'lost', 'and', 'Gorokhovsky', 'left'],
  ];
  const entities = [
    [
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'PER' },
    ],
    [
      { start: 0, end: 1, label: 'PER' },
      { start: 3, end: 4, label: 'PER' },
    ],
  ];

  // Per mention, the model's score for each type: `Rotor` is barely a person, and so is `Gorokhovsky` alone.
  const scores = [
    [
      [40, 0, 0, 0],
      [12, 5, 1, -3],
    ],
    [
      [20, 2, 0, -1],
      [3, 1, 2, 0],
    ],
  ];

  it('gives a lone name the model barely read as a person its next reading, in every mention', () => {
    const result = retypeLonePersons(sentences, entities, scores, untitled);
    expect(result[0]?.[1]).toEqual({ start: 3, end: 4, label: 'ORG' });
    expect(result[1]?.[0]).toEqual({ start: 0, end: 1, label: 'ORG' });
  });

  it('keeps a word of a full name in the document a person however unsure the model was', () => {
    const result = retypeLonePersons(sentences, entities, scores, untitled);
    expect(result[1]?.[1]).toEqual({ start: 3, end: 4, label: 'PER' });
    expect(result[0]?.[0]).toEqual({ start: 0, end: 2, label: 'PER' });
  });

  it('keeps a lone name after a title a person', () => {
    const titled = [['General', 'Soleimani', 'was', 'killed']];
    const lone = [[{ start: 1, end: 2, label: 'PER' }]];
    const result = retypeLonePersons(titled, lone, [[[6, 2, 0, 4]]], (words, at) => words[at - 1] === 'General');
    expect(result[0]?.[0]?.label).toBe('PER');
    expect(retypeLonePersons(titled, lone, [[[6, 2, 0, 4]]], untitled)[0]?.[0]?.label).toBe('MISC');
  });

  it('keeps a lone name the model read as a person by a wide margin', () => {
    const scores = [
      [
        [40, 0, 0, 0],
        [60, 5, 1, -3],
      ],
      [
        [50, 2, 0, -1],
        [3, 1, 2, 0],
      ],
    ];
    const result = retypeLonePersons(sentences, entities, scores, untitled);
    expect(result[0]?.[1]?.label).toBe('PER');
    expect(result[1]?.[0]?.label).toBe('PER');
  });
});

describe('retypeArticlePersons', () => {
  it('gives a name after `the` that ends its phrase the next reading, not one that modifies a noun', () => {
    const sentences = [
      ['She', 'won', 'the', 'Oscar', 'for', 'it'],
      ['the', 'Dole', 'campaign', 'said'],
    ];
    const entities = [[{ start: 3, end: 4, label: 'PER' }], [{ start: 1, end: 2, label: 'PER' }]];
    const result = retypeArticlePersons(sentences, entities, [[[5, -2, 1, 3]], [[5, -2, 1, 3]]]);
    expect(result[0]?.[0]?.label).toBe('MISC');
    expect(result[1]?.[0]?.label).toBe('PER');
  });
});
