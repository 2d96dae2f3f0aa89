import { describe, expect, it } from 'vitest';
import { countWords, summariseArticle, summariseOutlets } from './summary.js';

describe('framing summaries', () => {
  it('counts techniques per 1,000 words of an article', () => {
    const text = Array.from({ length: 500 }, () => 'word').join(' ');
    const summary = summariseArticle(text, [
      { label: 'Loaded_Language' },
      { label: 'Loaded_Language' },
      { label: 'Doubt' },
    ]);
    expect(summary.words).toBe(500);
    expect(summary.counts).toEqual({ Loaded_Language: 2, Doubt: 1 });
    expect(summary.perThousandWords).toEqual({ Loaded_Language: 4, Doubt: 2 });
  });

  it('pools articles of an outlet by words and splits them by month when asked', () => {
    const framing = (words: number, loaded: number) => ({
      words,
      spans: loaded,
      counts: { Loaded_Language: loaded },
      perThousandWords: {},
    });
    const rows = summariseOutlets(
      [
        { outlet: 'A', published: '2023-02-13', framing: framing(1000, 3) },
        { outlet: 'A', published: '2023-02-20', framing: framing(3000, 1) },
        { outlet: 'A', published: '2023-03-01', framing: framing(500, 5) },
        { outlet: 'B', framing: framing(2000, 2) },
      ],
      true,
    );
    expect(rows.map((row) => [row.outlet, row.period, row.articles, row.perThousandWords.Loaded_Language])).toEqual([
      ['A', '2023-02', 2, 1],
      ['A', '2023-03', 1, 10],
      ['B', 'undated', 1, 1],
    ]);
  });

  it('counts hyphenated words once', () => {
    expect(countWords('Anti-American sentiments soared, in 2020.')).toBe(5);
  });
});
