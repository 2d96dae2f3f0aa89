import { describe, expect, it } from 'vitest';
import { createFigureFinder } from './index.js';

const finder = createFigureFinder();
const figures = (text: string, skip: { start: number; end: number }[] = []) =>
  finder.find(text, skip).map((f) => [text.slice(f.start, f.end), f.value, f.unit]);

describe('nlp/figures', () => {
  it('reads a number with what it counts, hedge included', () => {
    expect(figures('some 2,500 US troops still remain inside the country')).toEqual([
      ['some 2,500 US troops', 2500, 'US troops'],
    ]);
  });

  it('keeps a coordinated noun phrase and stops at the verb', () => {
    expect(figures('400 cultural and social events have been scheduled')).toEqual([
      ['400 cultural and social events', 400, 'cultural and social events'],
    ]);
  });

  it('reads large numbers, vague quantities, words and money', () => {
    expect(
      figures('715,000 records leaked; Iran launched dozens of missiles two days later, costing $4.5 million.'),
    ).toEqual([
      ['715,000 records', 715000, 'records'],
      ['dozens of missiles', 24, 'missiles'],
      ['two days', 2, 'days'],
      ['$4.5 million', 4500000, 'US dollars'],
    ]);
  });

  it('skips numbers inside dates it is told to skip', () => {
    const text = 'on January 3, 2020 troops left';
    expect(figures(text, [{ start: 3, end: 18 }])).toEqual([]);
  });
});
