import { describe, expect, it } from 'vitest';
import { loadNameTables } from './index.js';
import type { Mention } from './mentions.js';
import { dropMemberTitle } from './mentions.js';
import { typeByMiscHead, typeByOrgHead, typeListedName } from './name-types.js';

const tables = loadNameTables();
const mentionOf = (text: string, name: string, type: Mention['type']): Mention => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type, roles: [], rule: 'model' };
};

describe('types from name heads and lists', () => {
  it('types a law, a prize and a tournament MISC by the last word of the name', () => {
    const text = 'The Identity Cards Bill passed; he won the Nobel Prize before the US Open.';
    expect(typeByMiscHead(text, mentionOf(text, 'Identity Cards Bill', 'ORG'), tables).type).toBe('MISC');
    expect(typeByMiscHead(text, mentionOf(text, 'Nobel Prize', 'PERSON'), tables).type).toBe('MISC');
    expect(typeByMiscHead(text, mentionOf(text, 'US Open', 'LOC'), tables).type).toBe('MISC');
  });

  it('leaves a one-word name and a head word inside the name alone', () => {
    const text = 'Bill met the Open University and Cup Holdings.';
    expect(typeByMiscHead(text, mentionOf(text, 'Bill', 'PERSON'), tables).type).toBe('PERSON');
    expect(typeByMiscHead(text, mentionOf(text, 'Open University', 'ORG'), tables).type).toBe('ORG');
    expect(typeByMiscHead(text, mentionOf(text, 'Cup Holdings', 'ORG'), tables).type).toBe('ORG');
  });

  it('types a company, a party and a ministry ORG by the last word of the name, not a lone head word', () => {
    const text =
      'Workers at Calder Chemicals met the Green Party, Krome Studios and the Health Ministry. Chemicals fell.';
    expect(typeByOrgHead(text, mentionOf(text, 'Calder Chemicals', 'LOC'), tables).type).toBe('ORG');
    expect(typeByOrgHead(text, mentionOf(text, 'Green Party', 'MISC'), tables).type).toBe('ORG');
    expect(typeByOrgHead(text, mentionOf(text, 'Krome Studios', 'PERSON'), tables).type).toBe('ORG');
    expect(typeByOrgHead(text, mentionOf(text, 'Health Ministry', 'LOC'), tables).type).toBe('ORG');
    expect(typeByOrgHead(text, mentionOf(text, 'Chemicals', 'MISC'), tables).type).toBe('MISC');
  });

  it('keeps a listed one-word organisation an organisation, but not a listed one-word place', () => {
    const text = 'The Daesh fighters left the Gulf.';
    expect(typeListedName(text, mentionOf(text, 'Daesh', 'MISC')).type).toBe('ORG');
    expect(typeListedName(text, mentionOf(text, 'Gulf', 'MISC')).type).toBe('MISC');
  });
});

describe('member titles after a party', () => {
  it('drops MP from the end of a party name, not from a person or a lone word', () => {
    const words = ['A', 'Plaid', 'Cymru', 'MP', 'said'];
    expect(dropMemberTitle(words, { start: 1, end: 4, label: 'ORG' }, tables)).toEqual({
      start: 1,
      end: 3,
      label: 'ORG',
    });
    expect(dropMemberTitle(words, { start: 1, end: 4, label: 'PER' }, tables).end).toBe(4);
    expect(dropMemberTitle(words, { start: 3, end: 4, label: 'ORG' }, tables).end).toBe(4);
  });
});
