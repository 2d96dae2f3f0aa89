import { describe, expect, it } from 'vitest';
import type { EventSignature } from './event-signature.js';
import { LINK_FEATURES, type LinkModel, linkProbability, StorySignature } from './link-model.js';

const signature = (parts: Partial<EventSignature>): EventSignature => ({
  days: [],
  years: [],
  places: [],
  participants: [],
  protagonists: [],
  figures: [],
  lead: [],
  ...parts,
});

const feature = (values: number[], name: (typeof LINK_FEATURES)[number]) => values[LINK_FEATURES.indexOf(name)];

describe('StorySignature', () => {
  it('averages agreement over members, so a story mixing two events still half-disagrees', () => {
    const story = new StorySignature();
    story.add(signature({ places: ['napa'], years: [2014] }));
    story.add(signature({ places: ['christchurch'], years: [2011] }));
    const values = story.features(signature({ places: ['napa'], years: [2014] }), 0.3);
    expect(feature(values, 'words')).toBe(0.3);
    expect(feature(values, 'placesShared')).toBe(0.5);
    expect(feature(values, 'placesDisjoint')).toBe(0.5);
    expect(feature(values, 'yearsDisjoint')).toBe(0.5);
  });

  it('counts members stating nothing of a kind neither for nor against', () => {
    const story = new StorySignature();
    story.add(signature({ places: ['napa'] }));
    story.add(signature({}));
    const values = story.features(signature({ places: ['napa'] }), 0);
    expect(feature(values, 'placesShared')).toBe(1);
    expect(feature(values, 'placesDisjoint')).toBe(0);
  });

  it('sees a conflict when the leads count the same thing with different numbers', () => {
    const story = new StorySignature();
    story.add(signature({ figures: ['23 pirates'] }));
    expect(feature(story.features(signature({ figures: ['26 pirates'] }), 0), 'figuresConflict')).toBe(1);
    expect(feature(story.features(signature({ figures: ['23 pirates'] }), 0), 'figuresConflict')).toBe(0);
    expect(feature(story.features(signature({ figures: ['3 boats'] }), 0), 'figuresConflict')).toBe(0);
  });

  it('forgets a member taken out', () => {
    const story = new StorySignature();
    const member = signature({ places: ['oslo'] });
    story.add(member);
    story.remove(member);
    expect(story.size).toBe(0);
    expect(feature(story.features(signature({ places: ['oslo'] }), 0), 'placesShared')).toBe(0);
  });
});

describe('linkProbability', () => {
  it('is the logistic of the weighted features, read by name', () => {
    const model: LinkModel = { features: ['placesDisjoint', 'words'], weights: [-3, 10], bias: -2, cutoff: 0.5 };
    const values = LINK_FEATURES.map((name) => (name === 'words' ? 0.4 : name === 'placesDisjoint' ? 1 : 0));
    expect(linkProbability(model, values)).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 4 - 3))), 10);
  });
});
