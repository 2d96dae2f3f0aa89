import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from './split.js';

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

describe('splitParagraphs', () => {
  it('returns trimmed non-empty paragraph ranges', () => {
    const text = 'First.\n\n  Second one.  \n\n';
    expect(splitParagraphs(text).map((range) => text.slice(range.start, range.end))).toEqual(['First.', 'Second one.']);
  });
});
