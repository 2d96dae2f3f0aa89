import { describe, expect, it } from 'vitest';
import { buildIdentities } from './build-identities.js';
import { recordName } from './record-name.js';
import { mentionsDoc, TEST_PARTICLES } from './test-docs.js';
import type { DocEntities } from './types.js';

const NO_FORMS = { suffixes: new Set<string>(), sameNames: [] };
const particles = TEST_PARTICLES;
const doc = mentionsDoc;
const build = (docs: DocEntities[]) => buildIdentities(docs, { particles });

describe('the name of a record', () => {
  it('names a record by its most mentioned full form, not by a longer name that holds it', () => {
    const records = build([
      doc('a', [
        ['New York Harbor', 'LOC'],
        ['New York', 'LOC', 'New York Harbor'],
      ]),
      doc('b', [['New York', 'LOC']]),
      doc('c', [['New York', 'LOC']]),
      doc('d', [['NEW YORK', 'LOC', 'New York']]),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]?.name).toBe('New York');
    expect(records[0]?.aliases).toEqual(['NEW YORK', 'New York Harbor']);
  });

  it('never names a record by an acronym or a surname while the full name is there', () => {
    const records = build([
      doc('a', [
        ['Popular Mobilization Units', 'ORG'],
        ['PMU', 'ORG', 'Popular Mobilization Units'],
        ['Akram al-Kaabi', 'PERSON'],
        ['UK Independence Party', 'ORG'],
        ['UKIP', 'ORG', 'UK Independence Party'],
      ]),
      doc('b', [
        ['PMU', 'ORG'],
        ['Kaabi', 'PERSON'],
        ['UKIP', 'ORG'],
      ]),
      doc('c', [
        ['PMU', 'ORG'],
        ['Kaabi', 'PERSON'],
        ['UKIP', 'ORG'],
      ]),
      doc('d', [
        ['PMU', 'ORG'],
        ['Organization of Petroleum Exporting Countries', 'ORG'],
        ['Opec', 'ORG', 'Organization of Petroleum Exporting Countries'],
        ['Federal Reserve Board', 'ORG'],
        ['Fed', 'ORG', 'Federal Reserve Board'],
      ]),
      doc('e', [
        ['Opec', 'ORG'],
        ['Fed', 'ORG'],
        ['PlayStation Portable', 'MISC'],
        ['PSP', 'MISC', 'PlayStation Portable'],
        ['Federal Express Corp', 'ORG'],
        ['Express', 'ORG', 'Federal Express Corp'],
      ]),
      doc('g', [
        ['PSP', 'MISC'],
        ['PSP', 'MISC'],
        ['Express', 'ORG'],
        ['Express', 'ORG'],
      ]),
      doc('f', [
        ['Opec', 'ORG'],
        ['Fed', 'ORG'],
      ]),
    ]);
    expect(records.map((record) => record.name).sort()).toEqual([
      'Akram al-Kaabi',
      'Federal Express Corp',
      'Federal Reserve Board',
      'Organization of Petroleum Exporting Countries',
      'PlayStation Portable',
      'Popular Mobilization Units',
      'UK Independence Party',
    ]);
  });
});

describe('the name of a record of name forms', () => {
  const nameForms = { suffixes: new Set(['Party']), sameNames: [['Conservative', 'Tory']] as const };
  const withForms = (docs: DocEntities[]) => buildIdentities(docs, { particles, nameForms });
  const names = (records: ReturnType<typeof build>) => records.map((record) => [record.name, record.type]).sort();

  it('counts the forms of one name together and names them by the form with its suffix', () => {
    const records = withForms([
      doc('a', [
        ['Labour', 'ORG'],
        ['Labour', 'ORG'],
        ['Labour Party', 'ORG'],
        ['Tory', 'ORG'],
        ['Tory', 'ORG'],
        ['Conservatives', 'ORG'],
      ]),
      doc('b', [
        ['Labour', 'ORG'],
        ['Conservative Party', 'ORG'],
        ['Conservative', 'ORG'],
      ]),
    ]);
    expect(names(records)).toEqual([
      ['Conservative Party', 'ORG'],
      ['Labour Party', 'ORG'],
    ]);
  });
});

describe('recordName', () => {
  const key = (name: string) => name.toLowerCase().split(/\s+/);
  it('never names a person by one word beside a full name, however often the word is written', () => {
    const counts = new Map([
      ['Alan', 5],
      ['Richard Allan', 1],
    ]);
    expect(recordName(counts, 'PERSON', key, NO_FORMS)).toBe('Richard Allan');
    expect(recordName(counts, 'ORG', key, NO_FORMS)).toBe('Alan');
  });

  it('never names a record by the plural of its acronym', () => {
    const counts = new Map([
      ['Ecus', 5],
      ['European Currency Units', 1],
    ]);
    expect(recordName(counts, 'MISC', key, NO_FORMS)).toBe('European Currency Units');
  });
});

describe('a record named from the list of names of one organisation', () => {
  it("takes the list's first name, however often the second is written", () => {
    const key = (name: string) => name.toLowerCase().split(/\s+/);
    const counts = new Map([
      ['Tory Party', 9],
      ['Tories', 140],
      ['Conservative Party', 19],
      ['Conservatives', 38],
    ]);
    const forms = { suffixes: new Set(['Party']), sameNames: [['Conservative', 'Tory']] as const };
    expect(recordName(counts, 'ORG', key, forms)).toBe('Conservative Party');
    // Without the list (and the suffix), the most written name.
    expect(recordName(counts, 'ORG', key, NO_FORMS)).toBe('Tories');
  });
});
