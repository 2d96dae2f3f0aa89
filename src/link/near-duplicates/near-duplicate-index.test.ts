import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { jaccard, shingleHashes } from './shingles.js';

const story =
  'The central bank raised its main interest rate by a quarter point on Tuesday, citing stubborn inflation in services and a tight labour market. ' +
  'Economists had expected the move after a run of strong wage figures, and markets barely reacted. ' +
  'The governor said further increases could not be ruled out if price growth failed to slow over the summer months.';
const other =
  'Heavy rain flooded dozens of homes in the river valley overnight, and emergency crews evacuated two care homes before dawn. ' +
  'The weather service warned that more storms were on the way and urged drivers to avoid the coastal road until Thursday.';

describe('NearDuplicateIndex', () => {
  it('marks a copy that differs only in case and punctuation as an exact duplicate', () => {
    const index = new NearDuplicateIndex();
    index.add(story);
    const { matches } = index.add(story.toUpperCase().replaceAll(',', ' ;'));
    expect(matches).toEqual([{ doc: 0, jaccard: 1, exact: true }]);
  });

  it('finds a copy with one word changed and verifies it by exact Jaccard', () => {
    const index = new NearDuplicateIndex();
    index.add(story);
    index.add(other);
    const edited = story.replace('Tuesday', 'Wednesday');
    const expected = jaccard(shingleHashes(story), shingleHashes(edited));
    const { matches } = index.add(edited);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.doc).toBe(0);
    expect(matches[0]?.exact).toBe(false);
    expect(matches[0]?.jaccard).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(0.8);
    expect(expected).toBeLessThan(1);
  });

  it('leaves unrelated texts and empty texts ungrouped', () => {
    const index = new NearDuplicateIndex();
    index.add(story);
    index.add(other);
    index.add('');
    index.add('');
    expect(index.groups()).toEqual([]);
  });

  it('groups versions transitively into one article named by its first version', () => {
    const index = new NearDuplicateIndex({ threshold: 0.6 });
    index.add(other);
    index.add(story);
    index.add(`${story} The decision was unanimous.`);
    index.add(`${story} The decision was unanimous. Two members had argued for a pause.`);
    expect(index.groups()).toEqual([[1, 2, 3]]);
    expect(index.isExactGroup([1, 2, 3])).toBe(false);
  });

  it('matches new texts against texts inserted without matching, and keeps the pairs put back with link', () => {
    const full = new NearDuplicateIndex({ threshold: 0.6 });
    const texts = [other, story, `${story} The decision was unanimous.`, story.replace('Tuesday', 'Wednesday')];
    for (const text of texts) full.add(text);

    const resumed = new NearDuplicateIndex({ threshold: 0.6 });
    for (const text of texts.slice(0, 3)) resumed.insert(text);
    expect(resumed.groups()).toEqual([]);
    const [earlier] = full.edges();
    resumed.link(earlier?.[0] as number, earlier?.[1] as number, earlier?.[2] as number);
    const { matches } = resumed.add(texts[3] as string);
    expect(matches.map((match) => match.doc)).toEqual([1, 2]);
    expect(resumed.groups()).toEqual(full.groups());
    expect(resumed.edges()).toEqual(full.edges());
  });

  it('answers queries without adding the text', () => {
    const index = new NearDuplicateIndex();
    index.add(story);
    expect(index.query(story)).toEqual([{ doc: 0, jaccard: 1, exact: true }]);
    expect(index.query(other)).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('restores from its typed-array state with the same groups and matches', () => {
    const index = new NearDuplicateIndex();
    index.add(story);
    index.add(other);
    index.add(story.replace('Tuesday', 'Monday'));
    const state = index.toState();
    expect(state.bandKeys).toBeInstanceOf(Uint32Array);
    expect(state.bandKeys.length).toBe(3 * state.params.bands);
    const restored = NearDuplicateIndex.fromState(structuredClone(state));
    expect(restored.groups()).toEqual(index.groups());
    expect(restored.query(story.replace('Tuesday', 'Friday'))).toEqual(index.query(story.replace('Tuesday', 'Friday')));
    expect(restored.add(other).matches).toEqual([{ doc: 1, jaccard: 1, exact: true }]);
  });
});

describe('shingleHashes', () => {
  it('gives a text shorter than five words one shingle', () => {
    expect(shingleHashes('Breaking news today')).toHaveLength(1);
    expect(jaccard(shingleHashes('Breaking news today'), shingleHashes('breaking NEWS, today!'))).toBe(1);
  });
});

describe('NearDuplicateIndex with kept documents', () => {
  const texts = [story, other, story.replace('Tuesday', 'Wednesday'), '', other.toUpperCase()];

  /** The first `keep` texts as a store keeps them: their keys and shingles, found by number. */
  function keptFrom(keep: number) {
    const full = new NearDuplicateIndex();
    const features = texts.slice(0, keep).map((text) => full.featuresOf(text));
    return {
      exactMatches: (key: readonly [number, number]) =>
        features.flatMap((f, doc) => (f.bands && f.exact[0] === key[0] && f.exact[1] === key[1] ? [doc] : [])),
      bandMatches: (keys: Uint32Array) =>
        features.flatMap((f, doc) => (f.bands?.some((key) => keys.includes(key)) ? [doc] : [])),
      shingles: (doc: number) => features[doc]?.shingles ?? new Uint32Array(0),
      exactKey: (doc: number) => features[doc]?.exact ?? ([0, 0] as const),
    };
  }

  it('finds the matches and groups of an index that holds every text', () => {
    const full = new NearDuplicateIndex();
    const fullMatches = texts.map((text) => full.add(text).matches);
    for (let keep = 1; keep < texts.length; keep++) {
      const kept = new NearDuplicateIndex({ kept: keptFrom(keep) });
      for (let doc = 0; doc < keep; doc++) kept.insertKept();
      // What an earlier run found among the kept texts is put back as pairs.
      for (const [a, b, jaccard] of full.edges()) if (b < keep) kept.link(a, b, jaccard);
      const matches = texts.slice(keep).map((text) => kept.add(text).matches);
      expect(matches).toEqual(fullMatches.slice(keep));
      expect(kept.groups()).toEqual(full.groups());
      expect(kept.groups().map((group) => kept.isExactGroup(group))).toEqual(
        full.groups().map((group) => full.isExactGroup(group)),
      );
    }
  });
});
