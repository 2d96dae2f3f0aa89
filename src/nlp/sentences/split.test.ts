import { describe, expect, it } from 'vitest';
import { cutLongSentence, MAX_SENTENCE_CHARS, splitParagraphs, splitSentences } from './split.js';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((range) => text.slice(range.start, range.end));
}

describe('splitSentences', () => {
  it('keeps titles and initials inside their sentence', () => {
    expect(sentencesOf('Lt. General Qassem Soleimani was killed. J. Smith said so.')).toEqual([
      'Lt. General Qassem Soleimani was killed.',
      'J. Smith said so.',
    ]);
  });

  it('keeps a closing quotation mark with the sentence it closes', () => {
    expect(sentencesOf('“There is no friendship with America,” he said. “The US is an enemy.” It ended.')).toEqual([
      '“There is no friendship with America,” he said.',
      '“The US is an enemy.”',
      'It ended.',
    ]);
  });

  it('does not split before a lower-case word or a number', () => {
    expect(sentencesOf('It rose 2.5 percent in Jan. 2020 to a record.')).toEqual([
      'It rose 2.5 percent in Jan. 2020 to a record.',
    ]);
  });
});

describe('splitSentences after a dotted initialism', () => {
  it('keeps it in the name that follows, and ends the sentence before a closed-class word', () => {
    expect(sentencesOf('He won the U.S. Open on Sunday. She lives in the U.S. The move was a surprise.')).toEqual([
      'He won the U.S. Open on Sunday.',
      'She lives in the U.S.',
      'The move was a surprise.',
    ]);
  });
});

describe('splitParagraphs', () => {
  it('returns trimmed non-empty paragraph ranges', () => {
    const text = 'First.\n\n  Second one.  \n\n';
    expect(splitParagraphs(text).map((range) => text.slice(range.start, range.end))).toEqual(['First.', 'Second one.']);
  });

  it('cuts text without sentence breaks into sentences of at most 2,000 characters, after a clause mark', () => {
    const clause = 'the council met at dawn and the river kept rising over the lower districts, ';
    const text = clause.repeat(2000).trim();
    const ranges = splitSentences(text);
    expect(Math.max(...ranges.map((range) => range.end - range.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(ranges.length).toBe(Math.ceil(text.length / 1976));
    expect(ranges.slice(0, -1).every((range) => text[range.end - 1] === ',')).toBe(true);
    expect(ranges.map((range) => text.slice(range.start, range.end)).join(' ')).toBe(text);
  });

  it('cuts a single unbroken token at the limit, never inside a surrogate pair', () => {
    const text = `x${'😀'.repeat(1500)}`;
    const ranges = cutLongSentence(text, { start: 0, end: text.length }, 1000);
    expect(ranges.map((range) => [range.start, range.end])).toEqual([
      [0, 999],
      [999, 1999],
      [1999, 2999],
      [2999, 3001],
    ]);
  });

  it('leaves every sentence of ordinary news text as it was', () => {
    const text = 'Lt. General Qassem Soleimani was killed. He said so, and left.';
    expect(sentencesOf(text)).toEqual(['Lt. General Qassem Soleimani was killed.', 'He said so, and left.']);
  });
});
