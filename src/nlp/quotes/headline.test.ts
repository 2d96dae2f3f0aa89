import { describe, expect, it } from 'vitest';
import { loadCues } from './cues.js';
import { findHeadlineQuote } from './headline.js';

const cues = loadCues();

describe('findHeadlineQuote', () => {
  it('reads "CLAIM: Speaker" with offsets into the headline', () => {
    const headline = 'US an enemy, no place for Americans in Iraq: Harakat al-Nujaba';
    const [quote] = findHeadlineQuote(headline, cues);
    expect(quote?.kind).toBe('direct');
    expect(headline.slice(quote?.start, quote?.end)).toBe('US an enemy, no place for Americans in Iraq');
    expect(quote?.speakerText).toBe('Harakat al-Nujaba');
    expect(headline.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('Harakat al-Nujaba');
  });

  it('reads reported speech with the cue at the end', () => {
    const headline = 'Armed resistance against US forces in Iraq to persist until full withdrawal, Asa’ib leader warns';
    const [quote] = findHeadlineQuote(headline, cues);
    expect(quote?.kind).toBe('indirect');
    expect(quote?.speakerText).toBe('Asa’ib leader');
    expect(quote?.cueLemma).toBe('warn');
  });

  it('reads quoted words as partial quotes', () => {
    const headline = 'Iraqi Resistance Group Denounces US Official’s ‘Outrageous’ Request';
    const quotes = findHeadlineQuote(headline, cues);
    expect(quotes.map((quote) => headline.slice(quote.start, quote.end))).toEqual(['Outrageous']);
  });

  it('finds nothing in a plain headline', () => {
    expect(findHeadlineQuote('Talks between the US and Iraq began in June', cues)).toEqual([]);
  });
});
