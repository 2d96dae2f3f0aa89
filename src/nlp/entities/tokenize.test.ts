import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const words = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('keeps Arabic particles and hyphens inside a name', () => {
    expect(words('Abu Mahdi al-Muhandis and Hadi al-Amiri')).toEqual([
      'Abu',
      'Mahdi',
      'al-Muhandis',
      'and',
      'Hadi',
      'al-Amiri',
    ]);
  });

  it('keeps a curly apostrophe inside a word but splits a possessive off', () => {
    expect(words('Asa’ib Ahl al-Haq and Iran’s IRGC')).toEqual([
      'Asa’ib',
      'Ahl',
      'al-Haq',
      'and',
      'Iran',
      '’s',
      'IRGC',
    ]);
  });

  it('keeps the dots of abbreviations and titles, not of a sentence end', () => {
    expect(words('Lt. General Soleimani left the U.S. today.')).toEqual([
      'Lt.',
      'General',
      'Soleimani',
      'left',
      'the',
      'U.S.',
      'today',
      '.',
    ]);
  });

  it('gives offsets whose slice is the token', () => {
    const text = "some 2,500 US troops (PMU), better known as Hashd al-Sha'abi";
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(words(text)).toContain('2,500');
    expect(words(text)).toContain("al-Sha'abi");
  });

  it('tokenizes text written the CoNLL way as CoNLL does', () => {
    expect(words("G. Kersey 63 , Lord 's , C$ 0.45 , St. Petersburg , Fla. , Rios 78th")).toEqual([
      'G.',
      'Kersey',
      '63',
      ',',
      'Lord',
      "'s",
      ',',
      'C$',
      '0.45',
      ',',
      'St.',
      'Petersburg',
      ',',
      'Fla.',
      ',',
      'Rios',
      '78th',
    ]);
  });

  it("keeps a state's shortened name before a date and an upper-case clitic written apart", () => {
    expect(words("CARLSBAD , Calif. 1996-08-24 MOODY 'S : A1")).toEqual([
      'CARLSBAD',
      ',',
      'Calif.',
      '1996-08-24',
      'MOODY',
      "'S",
      ':',
      'A1',
    ]);
  });

  it('keeps the period of a capital letter that ends its sentence apart', () => {
    expect(words('They took vitamin C.')).toEqual(['They', 'took', 'vitamin', 'C', '.']);
  });
});
