import { describe, expect, it } from 'vitest';
import { annotateSeeds } from '../seeds.js';
import { entitiesSeedCheck } from './entities.js';

const context = await annotateSeeds();
const outcomes = await entitiesSeedCheck.check(context);
const outcome = (name: string) => outcomes.find((entry) => entry.field.endsWith(` ${name}`));

describe('entities on the seed articles', () => {
  it('checks every entity of gold.json', async () => {
    expect(outcomes).toHaveLength(context.gold.entities.length);
  });

  it.each([
    'Akram al-Kaabi',
    'Abu Mahdi al-Muhandis',
    'Hadi al-Amiri',
    'Qassem Soleimani',
    'Qais Khazali',
    "Asa'ib Ahl al-Haq",
    'Harakat Hezbollah al-Nujaba',
    'Popular Mobilization Units',
    'Iraqi Resistance Coordination Commission',
    'Islamic Revolution Guards Corps',
    'Fatah Alliance',
    'Daesh',
    'United States',
    'United Arab Emirates',
    'Joey Hood',
    'Ain al-Assad airbase',
  ])('finds %s with its type and every alias the texts use merged into it', (name) => {
    expect(outcome(name)?.pass, JSON.stringify(outcome(name)?.actual)).toBe(true);
  });

  it.each([
    ['Anbar', 'caption'],
    ['Israel', 'demonym'],
  ])('finds %s, which no clean text names, from its %s mentions', (name, from) => {
    expect(outcome(name)?.pass, JSON.stringify(outcome(name)?.actual)).toBe(true);
    expect(outcome(name)?.actual).toMatchObject({ name, type: 'LOC', from: [from] });
  });

  it('fails an entity no text names when no record of its name and type comes from elsewhere', async () => {
    const check = async (entity: { name: string; type: string; aliases: string[] }) =>
      (await entitiesSeedCheck.check({ ...context, gold: { ...context.gold, entities: [entity] } }))[0];
    expect((await check({ name: 'Atlantis', type: 'LOC', aliases: [] }))?.pass).toBe(false);
    expect((await check({ name: 'Anbar', type: 'ORG', aliases: [] }))?.pass).toBe(false);
  });

  it('gives every entity span its evidence and a canonical name', async () => {
    for (const doc of context.docs) {
      for (const span of doc.layers.entities ?? []) {
        expect(doc.text.slice(span.start, span.end).trim()).toBe(doc.text.slice(span.start, span.end));
        expect(typeof span.attrs?.entity).toBe('string');
        expect(['PERSON', 'ORG', 'LOC', 'MISC']).toContain(span.label);
      }
    }
  });

  it('keeps titles out of names and in roles', async () => {
    const texts = context.docs.flatMap((doc) =>
      (doc.layers.entities ?? []).map((span) => doc.text.slice(span.start, span.end)),
    );
    expect(texts.some((text) => /^(Lt\.|Lieutenant|General|Acting)\b/.test(text))).toBe(false);
    const hood = context.docs
      .flatMap((doc) => doc.layers.entities ?? [])
      .find((span) => span.attrs?.entity === 'Joey Hood');
    expect(hood?.attrs?.roles).toEqual(['Acting Assistant Secretary of State']);
  });
});
