import { describe, expect, it } from 'vitest';
import { createTimexFinder } from './index.js';

const finder = createTimexFinder();

function valuesOf(text: string, anchor: { year: number; month: number; day: number }): Record<string, string> {
  return Object.fromEntries(finder.find(text, anchor).map((t) => [text.slice(t.start, t.end), t.value]));
}

describe('nlp/timex anaphora', () => {
  it('counts the following year from the year the narrative last named, not from the document date', () => {
    const text =
      'On May 22, 1995, Farkas was made a brigadier general, and the following year he was sent to Washington.';
    expect(valuesOf(text, { year: 1998, month: 4, day: 18 })).toEqual({
      'May 22, 1995': '1995-05-22',
      'the following year': '1996',
    });
  });

  it('gives that day, that year and that same day the narrated date with the precision it has', () => {
    const anchor = { year: 2000, month: 1, day: 28 };
    expect(
      valuesOf('He was killed on Oct. 23, 1998 by a sniper. Earlier that day, the family sent a fax.', anchor),
    ).toEqual({
      'Oct. 23, 1998': '1998-10-23',
      'Earlier that day': '1998-10-23',
    });
    expect(valuesOf('Munero fled to Florida in June 1998 and returned to Cuba later that year.', anchor)).toEqual({
      'June 1998': '1998-06',
      'later that year': '1998',
    });
    expect(valuesOf('The site went up in October 1998. His name was crossed out that same day.', anchor)).toEqual({
      'October 1998': '1998-10',
      'that same day': '1998-10-XX',
    });
  });

  it('drops a generic that day with nothing dated before it, and falls back to the document date for the following year', () => {
    const anchor = { year: 1989, month: 10, day: 27 };
    expect(valuesOf('You get a news item, it hits, you have strong redemptions that day.', anchor)).toEqual({});
    expect(valuesOf('The company said the following year would be harder.', anchor)).toEqual({
      'the following year': '1990',
    });
  });
});
