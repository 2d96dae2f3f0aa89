import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../model/index.js';
import { buildIdentities } from './build-identities.js';
import { applyCuration } from './curation.js';
import { readEntitySpans } from './doc-entities.js';
import { nameKey, transliterationSkeleton } from './name-keys.js';
import { mentionsDoc, TEST_PARTICLES } from './test-docs.js';
import type { DocEntities } from './types.js';

const particles = TEST_PARTICLES;
const doc = mentionsDoc;
const build = (docs: DocEntities[]) => buildIdentities(docs, { particles });
const named = (records: ReturnType<typeof build>, name: string) => records.find((record) => record.name === name);

describe('name keys', () => {
  it('drop particles and case', () => {
    expect(nameKey('Akram al-Kaabi', particles)).toEqual(['akram', 'kaabi']);
    expect(nameKey('Al-Kaabi', particles)).toEqual(['kaabi']);
  });

  it('give transliteration variants one skeleton', () => {
    expect(new Set(['Qassem', 'Qasem', 'Ghassem'].map(transliterationSkeleton)).size).toBe(1);
    expect(transliterationSkeleton('Soleimani')).toBe(transliterationSkeleton('Suleimani'));
  });

  it('keep names apart whose words only share a skeleton', () => {
    const records = build([doc('a', [['Qassem Soleimani', 'PERSON']]), doc('b', [['Qassem Salman', 'PERSON']])]);
    expect(records).toHaveLength(2);
  });
});

describe('buildIdentities', () => {
  it('does not let a surname alias of one person pull in a lone surname two people share', () => {
    const records = build([
      doc('a', [
        ['Joe Biden', 'PERSON'],
        ['Biden', 'PERSON', 'Joe Biden'],
      ]),
      doc('b', [
        ['Hunter Biden', 'PERSON'],
        ['Biden', 'PERSON', 'Hunter Biden'],
      ]),
      doc('c', [['Biden', 'PERSON']]),
    ]);
    expect(records.map((record) => record.name).sort()).toEqual(['Biden', 'Hunter Biden', 'Joe Biden']);
  });

  it('merges one person across documents with a reason for each merge', () => {
    const records = build([
      doc('a', [
        ['Qassem Soleimani', 'PERSON', undefined, ['Lt. General']],
        ['Soleimani', 'PERSON', 'Qassem Soleimani'],
      ]),
      doc('b', [['Ghassem Suleimani', 'PERSON']]),
      doc('c', [['Soleimani', 'PERSON', undefined, ['General']]]),
    ]);
    const person = named(records, 'Qassem Soleimani');
    expect(person?.documents).toEqual(['a', 'b', 'c']);
    expect(person?.aliases).toEqual(['Ghassem Suleimani', 'Soleimani']);
    expect(person?.variants).toEqual(['Ghassem Suleimani']);
    expect(person?.roles).toEqual(['General', 'Lt. General']);
    expect(person?.evidence.map((evidence) => evidence.rule).sort()).toEqual(['surname', 'transliteration']);
    expect(records).toHaveLength(1);
  });

  it('keeps two people who share a surname apart, and their lone surname unattached', () => {
    const records = build([
      doc('a', [['Joe Biden', 'PERSON']]),
      doc('b', [['Hunter Biden', 'PERSON']]),
      doc('c', [['Biden', 'PERSON']]),
    ]);
    expect(records.map((record) => record.name).sort()).toEqual(['Biden', 'Hunter Biden', 'Joe Biden']);
  });

  it('does not give a lone surname to a person whose surname only sounds like it', () => {
    const records = build([doc('a', [['Rob Faulkner', 'PERSON']]), doc('b', [['Falconer', 'PERSON']])]);
    expect(records.map((record) => record.name).sort()).toEqual(['Falconer', 'Rob Faulkner']);
    const spelled = build([doc('a', [['Qassem Soleimani', 'PERSON']]), doc('b', [['Suleimani', 'PERSON']])]);
    expect(spelled).toHaveLength(1);
  });

  it('does not merge names of different types or names that only look alike', () => {
    const records = build([
      doc('a', [
        ['Hadi al-Amiri', 'PERSON'],
        ['Jordan', 'LOC'],
      ]),
      doc('b', [
        ['Hoda Amr', 'PERSON'],
        ['Jordan', 'PERSON'],
      ]),
    ]);
    expect(records).toHaveLength(4);
  });

  it('joins a name one document defines as an alias to the document that uses it as the name', () => {
    const records = build([
      doc('a', [
        ['ISIS', 'ORG'],
        ['Daesh', 'ORG', 'ISIS'],
      ]),
      doc('b', [['Daesh', 'ORG']]),
      doc('c', [['Daesh', 'ORG']]),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]?.name).toBe('Daesh');
    expect(records[0]?.aliases).toEqual(['ISIS']);
    expect(records[0]?.evidence.map((evidence) => evidence.rule)).toContain('defined-alias');
  });

  it('joins names that differ only in particles, even when the tagger typed one wrongly', () => {
    const records = build([
      doc('a', [['Harakat Hezbollah al-Nujaba', 'ORG']]),
      doc('b', [['Harakat Hezbollah al-Nujaba', 'ORG']]),
      doc('c', [['Harakat Hezbollah Nujaba', 'PERSON']]),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]?.type).toBe('ORG');
    expect(records[0]?.aliases).toEqual(['Harakat Hezbollah Nujaba']);
  });
});

describe('demonyms', () => {
  const israel = { name: 'Israel', names: ['State of Israel'] };
  const demonyms = new Map([
    ['Israeli', israel],
    ['Israelis', israel],
  ]);
  const withDemonyms = (docs: DocEntities[]) => buildIdentities(docs, { particles, demonyms });

  it("count a people's name as a mention of its country, kept MISC, with the reason", () => {
    const records = withDemonyms([
      doc('a', [
        ['Israeli', 'MISC'],
        ['Israeli Zionism', 'ORG'],
      ]),
      doc('b', [['Israelis', 'MISC']]),
    ]);
    const country = named(records, 'Israel');
    expect(country?.type).toBe('LOC');
    expect(country?.id).toBe('LOC:israel');
    expect(country?.aliases).toEqual([]);
    expect(country?.mentions.map((mention) => [mention.text, mention.type, mention.kind])).toEqual([
      ['Israeli', 'MISC', 'demonym'],
      ['Israelis', 'MISC', 'demonym'],
    ]);
    expect(country?.evidence).toEqual([
      { rule: 'demonym', detail: '"Israeli" (MISC) names the people of Israel, in a' },
      { rule: 'demonym', detail: '"Israelis" (MISC) names the people of Israel, in b' },
    ]);
    expect(named(records, 'Israeli Zionism')?.type).toBe('ORG');
  });

  it('join the place the texts name as the country, by any of its names', () => {
    const records = withDemonyms([doc('a', [['State of Israel', 'LOC']]), doc('b', [['Israeli', 'MISC']])]);
    expect(records).toHaveLength(1);
    expect(records[0]?.name).toBe('State of Israel');
    expect(records[0]?.aliases).toEqual([]);
    expect(records[0]?.documents).toEqual(['a', 'b']);
    expect(records[0]?.evidence.map((evidence) => evidence.rule)).toEqual(['demonym']);
  });

  it('leave alone a demonym the stage named otherwise, one of another type, and one not in the table', () => {
    const records = withDemonyms([
      doc('a', [
        ['Israeli', 'MISC', 'Israeli Defense Forces'],
        ['Israeli', 'ORG'],
        ['Congolese', 'MISC'],
      ]),
    ]);
    expect(named(records, 'Israel')).toBeUndefined();
    expect(records.flatMap((record) => record.mentions).some((mention) => mention.kind)).toBe(false);
  });
});

describe('facility short forms', () => {
  const facilityHeads = [['air', 'base'], ['airbase'], ['base']];
  const withHeads = (docs: DocEntities[]) => buildIdentities(docs, { particles, facilityHeads });

  it('join the particle form and the whole name of the one facility named so', () => {
    const records = withHeads([
      doc('a', [['Ain al-Assad airbase', 'LOC']]),
      doc('b', [
        ['al-Assad', 'MISC'],
        ['al-Harir', 'LOC'],
      ]),
      doc('c', [['Ain al-Assad', 'LOC']]),
    ]);
    const base = named(records, 'Ain al-Assad airbase');
    expect(base?.type).toBe('LOC');
    expect(base?.aliases).toEqual(['Ain al-Assad', 'al-Assad']);
    expect(base?.evidence.map((evidence) => evidence.rule)).toEqual(['facility', 'facility']);
    expect(base?.evidence[0]?.detail).toContain('"al-Assad" (MISC) in b');
    expect(named(records, 'al-Harir')).toBeDefined();
  });

  it("count the short form as the facility's type even where it is most of the mentions", () => {
    const records = withHeads([
      doc('a', [['Ain al-Assad air base', 'LOC']]),
      doc('b', [
        ['al-Assad', 'MISC'],
        ['al-Assad', 'MISC'],
      ]),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]?.type).toBe('LOC');
  });

  it('refuse when a person or a second facility is named so, or the short form has no particle', () => {
    const person = withHeads([
      doc('a', [['Ain al-Assad airbase', 'LOC']]),
      doc('b', [['al-Assad', 'MISC']]),
      doc('c', [['Bashar al-Assad', 'PERSON']]),
    ]);
    expect(named(person, 'al-Assad')).toBeDefined();
    const two = withHeads([
      doc('a', [['Ain al-Assad airbase', 'LOC']]),
      doc('b', [['al-Assad', 'MISC']]),
      doc('c', [['Tal al-Assad base', 'LOC']]),
    ]);
    expect(named(two, 'al-Assad')).toBeDefined();
    const bare = withHeads([doc('a', [['Ain al-Assad airbase', 'LOC']]), doc('b', [['Assad', 'MISC']])]);
    expect(named(bare, 'Assad')).toBeDefined();
    const organisation = withHeads([doc('a', [['Ain al-Assad airbase', 'LOC']]), doc('b', [['al-Assad', 'ORG']])]);
    expect(named(organisation, 'al-Assad')).toBeDefined();
  });
});

describe('headline and caption mentions', () => {
  const by = { stage: 'test', version: 1 };
  const text = 'Iraqi lawmakers met in Baghdad.';
  const spans = [makeSpan('entities', 23, 30, 'LOC', by, { entity: 'Baghdad' })];
  const metaSpans = [
    {
      ...makeSpan('metaEntities', 47, 52, 'LOC', by, { entity: 'Anbar', field: 'caption', index: 0, text: 'Anbar' }),
      id: 'metaEntities:caption0:47-52:LOC',
    },
    makeSpan('metaEntities', 0, 5, 'LOC', by, { entity: 'Anbar', field: 'headline', index: 0 }),
  ];

  it('are read with their field, their own words and offsets into that field', () => {
    const read = readEntitySpans('d', text, spans, metaSpans);
    expect(read.mentions.map((mention) => [mention.text, mention.field, mention.start])).toEqual([
      ['Baghdad', undefined, 23],
      ['Anbar', 'caption', 47],
    ]);
  });

  it("make a document one of the entity's documents", () => {
    const records = build([readEntitySpans('d', text, spans, metaSpans), doc('e', [['Anbar', 'LOC']])]);
    expect(named(records, 'Anbar')?.documents).toEqual(['d', 'e']);
  });
});

describe('applyCuration', () => {
  const machine = build([
    doc('a', [
      ['Popular Mobilization Units', 'ORG'],
      ['PMU', 'ORG', 'Popular Mobilization Units'],
      ['Joe Biden', 'PERSON'],
    ]),
    doc('b', [
      ['Hashd al-Shaabi', 'ORG'],
      ['Biden', 'PERSON', 'Biden'],
      ['Hunter Biden', 'PERSON'],
    ]),
  ]);

  it('merges two entities and says who decided', () => {
    const { records, unapplied } = applyCuration(machine, [{ kind: 'merge', into: 'PMU', from: 'Hashd al-Shaabi' }]);
    expect(unapplied).toEqual([]);
    const pmu = named(records, 'Popular Mobilization Units');
    expect(pmu?.aliases).toEqual(['Hashd al-Shaabi', 'PMU']);
    expect(pmu?.documents).toEqual(['a', 'b']);
    expect(pmu?.evidence.at(-1)?.rule ?? pmu?.evidence[0]?.rule).toBe('curation');
    expect(records).toHaveLength(machine.length - 1);
  });

  it('renames, adds and removes aliases, and splits a name off into its own entity', () => {
    const { records, unapplied } = applyCuration(machine, [
      { kind: 'rename', entity: 'Popular Mobilization Units', name: 'Popular Mobilization Forces' },
      { kind: 'alias-add', entity: 'Joe Biden', alias: 'Biden' },
      { kind: 'alias-remove', entity: 'Popular Mobilization Forces', alias: 'PMU' },
      { kind: 'split', entity: 'Joe Biden', alias: 'Biden' },
    ]);
    expect(unapplied).toEqual([]);
    const pmf = named(records, 'Popular Mobilization Forces');
    expect(pmf?.aliases).toEqual(['Popular Mobilization Units']);
    expect(named(records, 'Joe Biden')?.documents).toEqual(['a']);
    expect(named(records, 'Biden')?.mentions.map((mention) => mention.docId)).toEqual(['b']);
  });

  it('reports a decision whose names no longer fit instead of guessing', () => {
    const { records, unapplied } = applyCuration(machine, [
      { kind: 'merge', into: 'Nobody', from: 'PMU' },
      { kind: 'alias-remove', entity: 'Joe Biden', alias: 'Joseph' },
    ]);
    expect(unapplied.map((entry) => entry.reason)).toEqual([
      'no entity named "Nobody"',
      '"Joe Biden" has no alias "Joseph"',
    ]);
    expect(records).toEqual(machine);
  });

  it('gives the same result when re-applied to rebuilt machine output', () => {
    const decisions = [{ kind: 'merge' as const, into: 'PMU', from: 'Hashd al-Shaabi' }];
    const rebuilt = build([
      doc('a', [
        ['Popular Mobilization Units', 'ORG'],
        ['PMU', 'ORG', 'Popular Mobilization Units'],
        ['Joe Biden', 'PERSON'],
      ]),
      doc('b', [
        ['Hashd al-Shaabi', 'ORG'],
        ['Biden', 'PERSON', 'Biden'],
        ['Hunter Biden', 'PERSON'],
      ]),
    ]);
    expect(applyCuration(rebuilt, decisions).records).toEqual(applyCuration(machine, decisions).records);
  });
});

describe('buildIdentities on a hostile corpus', () => {
  it('joins one name repeated in 60,000 documents in time that grows with the mentions', () => {
    const docs = Array.from({ length: 60_000 }, (_, n) =>
      doc(`d${n}`, [
        ['John Smith', 'PERSON'],
        ['Smith', 'PERSON', 'John Smith'],
      ]),
    );
    const started = performance.now();
    const records = build(docs);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(records.map((record) => [record.name, record.mentions.length])).toEqual([['John Smith', 120_000]]);
  }, 60_000);
});

describe('the name-form rule', () => {
  const nameForms = { suffixes: new Set(['Party', 'Corporation']), sameNames: [['Conservative', 'Tory']] as const };
  const withForms = (docs: DocEntities[]) => buildIdentities(docs, { particles, nameForms });
  const names = (records: ReturnType<typeof build>) => records.map((record) => [record.name, record.type]).sort();

  it('joins the plural, the suffix-less and the clipped forms one document writes, as one organisation', () => {
    const records = withForms([
      doc('a', [
        ['Liberal Democrats', 'ORG'],
        ['Lib Dems', 'ORG'],
        ['Labour Party', 'ORG'],
        ['Labour', 'ORG'],
      ]),
      doc('b', [
        ['Lib Dem', 'ORG'],
        ['Lib Dems', 'ORG'],
      ]),
    ]);
    expect(names(records)).toEqual([
      ['Labour Party', 'ORG'],
      ['Liberal Democrats', 'ORG'],
    ]);
    const libDems = named(records, 'Liberal Democrats');
    expect(libDems?.aliases).toEqual(['Lib Dem', 'Lib Dems']);
    expect(libDems?.evidence.filter((reason) => reason.rule === 'name-form')).toHaveLength(2);
  });

  it('keeps forms apart that no document writes together, and names that differ in more than a plural', () => {
    const records = withForms([
      doc('a', [['Times', 'ORG']]),
      doc('b', [['Time', 'ORG']]),
      doc('c', [
        ['PCS', 'ORG'],
        ['PCs', 'MISC'],
        ['BBC News', 'ORG'],
        ['BBC Newcastle', 'ORG'],
      ]),
    ]);
    expect(records).toHaveLength(6);
  });

  it('joins names the list relates wherever they occur, and counts the party tagged as a people as the party', () => {
    const records = withForms([
      doc('a', [
        ['Tories', 'MISC'],
        ['Tories', 'MISC'],
        ['Tory', 'ORG'],
      ]),
      doc('b', [['Conservative Party', 'ORG']]),
      doc('c', [['Conservatives', 'MISC']]),
    ]);
    expect(names(records)).toEqual([['Conservative Party', 'ORG']]);
  });

  it('never takes the plural of an acronym for the acronym ending in S', () => {
    const records = withForms([
      doc('a', [
        ['PC', 'ORG'],
        ['PCs', 'ORG'],
      ]),
      doc('b', [['PCS', 'ORG']]),
      doc('c', [['PCs', 'ORG']]),
    ]);
    expect(records.map((record) => [record.name, ...record.aliases, record.mentions.length]).sort()).toEqual([
      ['PCS', 1],
      ['PCs', 'PC', 3],
    ]);
  });

  it('leaves persons and places to their own rules', () => {
    const records = withForms([
      doc('a', [
        ['Williams', 'PERSON'],
        ['William', 'PERSON'],
        ['Athens', 'LOC'],
        ['Athen', 'LOC'],
      ]),
    ]);
    expect(records).toHaveLength(4);
  });
});
