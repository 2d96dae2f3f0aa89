import { describe, expect, it } from 'vitest';
import { isCostlyQuery, QUERY_LIMITS, toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it('quotes terms, keeps phrases, prefixes and operators between terms', () => {
    expect(toFtsQuery('oil "prime minister" broad* OR tax NOT vat')).toBe(
      '"oil" "prime minister" "broad"* OR "tax" NOT "vat"',
    );
    expect(toFtsQuery('e-mail*')).toBe('"e" "mail"*');
    expect(toFtsQuery('  ')).toBeUndefined();
    // An operator first or last joins nothing: dropped, as a half-typed query is.
    expect(toFtsQuery('OR oil AND')).toBe('"oil"');
  });

  it.each([
    ['a OR OR b', 'OR OR: two operators in a row'],
    ['a OR NOT b', 'OR NOT: two operators in a row'],
    ['a NOT NOT b', 'NOT NOT: two operators in a row'],
    ['a AND OR b', 'AND OR: two operators in a row'],
  ])('refuses %s saying what is wrong', (query, reason) => {
    expect(() => toFtsQuery(query)).toThrow(`the search "${query}" is not valid: ${reason}`);
  });

  it('refuses short prefixes and too many prefix or OR terms, saying the limit', () => {
    expect(() => toFtsQuery('ab*')).toThrow('the prefix ab* is too short: a prefix needs at least 3 letters');
    const letters = 'abcdefghijklmnopqrstuvw'.split('');
    expect(() => toFtsQuery(letters.map((letter) => `${letter}*`).join(' OR '))).toThrow('the prefix a* is too short');
    const prefixes = ['gov*', 'ele*', 'lab*', 'ton*', 'bri*'];
    expect(() => toFtsQuery(prefixes.join(' OR '))).toThrow(
      `5 prefix terms (word*): at most ${QUERY_LIMITS.maxPrefixTerms} are allowed`,
    );
    expect(toFtsQuery(prefixes.slice(0, 4).join(' OR '))).toBe('"gov"* OR "ele"* OR "lab"* OR "ton"*');
    const ors = Array.from({ length: QUERY_LIMITS.maxOrTerms + 2 }, (_, i) => `w${i}`).join(' OR ');
    expect(() => toFtsQuery(ors)).toThrow(`11 OR operators: at most ${QUERY_LIMITS.maxOrTerms} are allowed`);
    const many = Array.from({ length: QUERY_LIMITS.maxTerms + 1 }, (_, i) => `w${i}`).join(' ');
    expect(() => toFtsQuery(many)).toThrow(`33 terms: at most ${QUERY_LIMITS.maxTerms}`);
  });

  it('folds words as the index does and turns Han, kana and Hangul into character pairs', () => {
    expect(toFtsQuery('Straße مُحَمَّد')).toBe('"Strasse" "محمد"');
    expect(toFtsQuery('서울에서 K팝')).toBe('cjk : "서울 울에 에서" "K" cjk : "팝"');
    // The pairs already match inside longer words: a star adds nothing and costs nothing.
    expect(toFtsQuery('서울*')).toBe('cjk : "서울"');
    expect(toFtsQuery('"서울 시장" OR 东京')).toBe('cjk : "서울" cjk : "시장" OR cjk : "东京"');
  });

  it('counts every character pair of a pasted paragraph against the term limit', () => {
    const pasted = '가'.repeat(QUERY_LIMITS.maxTerms + 2);
    expect(() => toFtsQuery(pasted)).toThrow(`${QUERY_LIMITS.maxTerms + 1} terms: at most ${QUERY_LIMITS.maxTerms}`);
    expect(toFtsQuery('가'.repeat(QUERY_LIMITS.maxTerms + 1))).toBeDefined();
  });
});

describe('isCostlyQuery', () => {
  const words: Record<string, number> = { broadband: 2, con: 4, strik: 1 };
  const wordsStartingWith = (prefix: string) => words[prefix] ?? 0;

  it('counts more than two ORs as costly, and any prefix when the index cannot say what it expands to', () => {
    expect(isCostlyQuery('oil OR tax OR vat')).toBe(false);
    expect(isCostlyQuery('oil OR tax OR vat OR fuel')).toBe(true);
    expect(isCostlyQuery('broadband*')).toBe(true);
    expect(isCostlyQuery('a*', wordsStartingWith)).toBe(true);
  });

  it('counts each further word a prefix expands to as one more alternative', () => {
    expect(isCostlyQuery('broadband*', wordsStartingWith)).toBe(false);
    expect(isCostlyQuery('Broadband* OR tax', wordsStartingWith)).toBe(false);
    expect(isCostlyQuery('broadband* OR tax OR vat', wordsStartingWith)).toBe(true);
    expect(isCostlyQuery('con*', wordsStartingWith)).toBe(true);
    expect(isCostlyQuery('strik* OR tax OR vat', wordsStartingWith)).toBe(false);
  });
});
