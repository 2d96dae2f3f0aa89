import { describe, expect, it } from 'vitest';
import { makeSpan, type Span } from '../../model/index.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import { loadNameTables, readEntityModel, recogniseEntities } from './index.js';
import { ENTITY_MODEL_PATH } from './paths.js';

const model = readEntityModel(ENTITY_MODEL_PATH);
const tables = loadNameTables();

function entitiesOf(text: string): { text: string; label: string; entity: string; roles: string[] }[] {
  const sentences: Span[] = splitParagraphs(text)
    .flatMap((paragraph) => splitSentences(text, paragraph))
    .map((range) => makeSpan('sentences', range.start, range.end, 'S', { stage: 'test', version: 1 }));
  return recogniseEntities(text, sentences, model, tables).map((span) => ({
    text: text.slice(span.start, span.end),
    label: span.label,
    entity: String(span.attrs?.entity),
    roles: (span.attrs?.roles as string[] | undefined) ?? [],
  }));
}

describe('recogniseEntities', () => {
  it('keeps the listed type of a curated name and makes facility names places', () => {
    const found = entitiesOf(
      'Joey Hood said in an interview with Al Arabiya that the strike near the Baghdad International Airport was legal.',
    );
    expect(found.find((entity) => entity.text === 'Al Arabiya')?.label).toBe('ORG');
    expect(found.find((entity) => entity.text === 'Baghdad International Airport')?.label).toBe('LOC');
  });

  it('moves a title into the role and keeps the name', () => {
    const found = entitiesOf('Lt. General Qassem Soleimani, commander of the Quds Force, was killed in Baghdad.');
    expect(found).toContainEqual({
      text: 'Qassem Soleimani',
      label: 'PERSON',
      entity: 'Qassem Soleimani',
      roles: ['Lt. General', 'commander of the Quds Force'],
    });
    expect(found.find((e) => e.text === 'Baghdad')?.label).toBe('LOC');
  });

  it('keeps an Arabic name whole across its particles and resolves its surname forms', () => {
    const found = entitiesOf(
      'Akram al-Kaabi spoke on Sunday.\n\nKaabi told the meeting that the US must leave.\n\nAl-Kaabi denounced the request.',
    );
    const person = found.filter((e) => e.label === 'PERSON');
    expect(person.map((e) => e.text)).toEqual(['Akram al-Kaabi', 'Kaabi', 'Al-Kaabi']);
    expect(new Set(person.map((e) => e.entity))).toEqual(new Set(['Akram al-Kaabi']));
  });

  it('resolves an acronym and a "better known as" name to the name that defines them', () => {
    const found = entitiesOf(
      "He lauded the Popular Mobilization Units (PMU), better known as Hashd al-Sha'abi, for their sacrifices. The PMU forces remain.",
    );
    const pmu = found.filter((e) => e.entity === 'Popular Mobilization Units').map((e) => e.text);
    expect(pmu).toEqual(['Popular Mobilization Units', 'PMU', "Hashd al-Sha'abi", 'PMU']);
  });

  it('leaves a surname alone when two people in the document share it', () => {
    const found = entitiesOf('Joe Biden met Hunter Biden in Washington. Biden said nothing.');
    const lone = found.find((e) => e.text === 'Biden');
    expect(lone?.entity).toBe('Biden');
  });

  it('gives spans whose slice is the mention text', () => {
    const text = 'Asa’ib Ahl al-Haq leader Qais Khazali said on Thursday that Khazali would not accept the result.';
    const sentences = [makeSpan('sentences', 0, text.length, 'S', { stage: 'test', version: 1 })];
    const spans = recogniseEntities(text, sentences, model, tables);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span.id).toBe(`entities:${span.start}-${span.end}:${span.label}`);
    expect(spans.map((span) => text.slice(span.start, span.end))).toContain('Qais Khazali');
  });
});

describe('recogniseEntities on government names', () => {
  it('reads a one-word name before "administration" as the person it is named after', () => {
    const found = entitiesOf('Talks began under the Trump administration and continue under the Biden administration.');
    expect(found.filter((e) => e.label === 'PERSON').map((e) => e.text)).toEqual(['Trump', 'Biden']);
  });
});

describe('recogniseEntities with speech verbs', () => {
  it('takes a listed given name followed by "said" for a person', () => {
    const found = entitiesOf(
      '“These programs will start today,” Muhannad al-Uqabi said on Wednesday. Uqabi called for rallies.',
    );
    const person = found.filter((e) => e.label === 'PERSON');
    expect(person.map((e) => [e.text, e.entity])).toEqual([
      ['Muhannad al-Uqabi', 'Muhannad al-Uqabi'],
      ['Uqabi', 'Muhannad al-Uqabi'],
    ]);
  });
});
