import { describe, expect, it } from 'vitest';
import { eventText } from './event-text.js';

function textFor(sentence: string, date: string) {
  const at = sentence.indexOf(date);
  return eventText(sentence, 0, sentence.length, at, at + date.length);
}

describe('eventText', () => {
  it('keeps the date phrase, so the sentence reads as written', () => {
    expect(textFor('In 1972, he made a rare foray into protest songs.', '1972')).toBe(
      'In 1972, he made a rare foray into protest songs.',
    );
    expect(textFor('They won only two games, against Scotland and Italy, in 2004.', '2004')).toBe(
      'They won only two games, against Scotland and Italy, in 2004.',
    );
  });

  it('keeps only the sentence holding the date when two were left as one', () => {
    expect(
      textFor("He did not attend St Fintian's. Corporal punishment was outlawed in Irish schools in 1982.", '1982'),
    ).toBe('Corporal punishment was outlawed in Irish schools in 1982.');
    expect(textFor('Sales began in China in 2003. 2004 was a good year for BMW.', '2003')).toBe(
      'Sales began in China in 2003.',
    );
    expect(textFor('The fight was set for Jan. 5 in Las Vegas.', 'Jan. 5')).toBe(
      'The fight was set for Jan. 5 in Las Vegas.',
    );
  });

  it('cuts a long sentence to whole clauses around the date and marks the cut', () => {
    const long =
      'The awesome All Black tourists became known as the Invincibles after winning all 30 of their games in France, ' +
      'Britain and Ireland, including a crushing victory over Wales at St Helen’s, and their scrum formation left them ' +
      'somewhat short of possession at times; the flaws were exploited by the Springboks in South Africa in 1928.';
    const shown = textFor(long, '1928');
    expect(shown.length).toBeLessThanOrEqual(242);
    expect(shown).toMatch(/^… /);
    expect(shown).toContain('the flaws were exploited by the Springboks in South Africa in 1928.');
  });

  it('cuts a single clause too long to show on a clause opening, keeping what the end leaves room for', () => {
    const long =
      'Eli Lilly’s chief medical officer Alan Breier said that the article was "false and misleading" as the ' +
      'documents it referred to were actually created by officials at the US Food and Drug Administration (FDA) ' +
      'and presented to an FDA meeting in 1991.';
    const shown = textFor(long, '1991');
    expect(shown.length).toBeLessThanOrEqual(242);
    expect(shown).toMatch(/^… the article was "false and misleading" as the documents/);
  });

  it('leaves out a subhead in capitals the source ran into the sentence, but not initials', () => {
    const headed = 'HOW IT ALL STARTED The first Academy Awards were handed out in 1929 at a dinner.';
    expect(textFor(headed, '1929')).toBe('The first Academy Awards were handed out in 1929 at a dinner.');
    const initials = 'US FDA Commissioner Lester Crawford resigned in 2005.';
    expect(textFor(initials, '2005')).toBe(initials);
  });
});
