import { describe, expect, it } from 'vitest';
import { harmoniseDocument } from './consistency.js';

describe('harmoniseDocument', () => {
  const sentences = [
    ['Akram', 'Kaabi', 'spoke', '.'],
    ['Kaabi', 'left', '.'],
    ['Kaabi', 'speaks'],
  ];
  const tagged = [[{ start: 0, end: 2, label: 'PER' }], [{ start: 0, end: 1, label: 'PER' }], []];

  it('tags repetitions of a recognised name', () => {
    expect(harmoniseDocument(sentences, tagged)[2]).toEqual([{ start: 0, end: 1, label: 'PER' }]);
  });

  it('lets sentences before `from` vote and returns the rest only', () => {
    const rest = harmoniseDocument(sentences, tagged, { vote: false, propagate: true }, 2);
    expect(rest).toEqual([[{ start: 0, end: 1, label: 'PER' }]]);
  });
});
