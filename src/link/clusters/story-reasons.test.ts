import { describe, expect, it } from 'vitest';
import { storyReasons } from './story-reasons.js';

const terms = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('storyReasons', () => {
  const strike = {
    'n:ana reyes': 2,
    'c:dockers': 4,
    strike: 3,
    harbour: 2,
    '#:23': 1.5,
    't:2024-04-21': 2,
    'q:pay them now': 2,
  };
  const members = [
    { id: 'a', terms: terms(strike) },
    { id: 'b', terms: terms({ ...strike, 't:2024-04-21': 0 }) },
    { id: 'c', terms: terms({ 'n:ana reyes': 2, strike: 1, harbour: 1, 't:PRESENT_REF': 2, weather: 1 }) },
    { id: 'd', terms: terms({ 'n:mara quill': 2, festival: 3, music: 2 }) },
  ];

  it('names what a member shares with the others by kind, as a reader writes it', () => {
    const why = storyReasons(members, members, { spelled: new Map([['ana reyes', 'Ana Reyes']]), prior: null }).get(
      'a',
    );
    expect(why).toMatchObject({
      names: ['Ana Reyes', 'Dockers'],
      words: ['strike', 'harbour'],
      numbers: ['23'],
      dates: ['21 April 2024'],
      quotedWords: 1,
      weak: false,
    });
  });

  it('flags a member that shares almost nothing with the rest, and leaves out dates that are no calendar day', () => {
    const reasons = storyReasons(members, members, { prior: null });
    expect(reasons.get('d')).toMatchObject({ names: [], words: [], weak: true });
    expect(reasons.get('c')?.dates).toEqual([]);
  });

  it('ranks words common everywhere below words telling of the story', () => {
    const prior = {
      docs: 1000,
      df: new Map([
        ['strike', 900],
        ['harbour', 5],
      ]),
    };
    expect(storyReasons(members, members, { prior }).get('a')?.words).toEqual(['harbour', 'strike']);
  });

  it('leaves out of the numbers a year the dates show and the thousands of a number written with commas', () => {
    const numbered = { 'n:ana reyes': 2, strike: 3, '#:2004': 1.5, '#:20': 1.5, '#:000': 1.5, 't:2004-06': 2 };
    const pair = [
      { id: 'a', terms: terms(numbered) },
      { id: 'b', terms: terms(numbered) },
    ];
    expect(storyReasons(pair, pair, { prior: null }).get('a')).toMatchObject({ numbers: ['20'], dates: ['June 2004'] });
  });

  it('gives no reasons to the only member of a story', () => {
    expect(storyReasons(members.slice(0, 1), members.slice(0, 1), { prior: null }).size).toBe(0);
  });
});
