/**
 * The kept story and version indexes (`Store.keptIndexes`) as the link algorithms read them: the
 * story index awaits its reads, the version index is given what matching a text reads before it
 * matches it (`prepare`), so that it stays synchronous.
 */
import {
  decodeLinkFeatures,
  type KeptStories,
  type KeptVersions,
  LINK_FEATURES,
  type StoryTerms,
  type TextFeatures,
} from '../link/index.js';
import type { Doc } from '../model/index.js';
import type { Store } from '../store/index.js';

/**
 * The story index the store keeps, read for the terms and stories new documents touch. A member's
 * terms (for a story's label) come from its kept features, or from its text when they were forgotten.
 */
export function keptStories(
  store: Store,
  storyOf: ReadonlyMap<string, number>,
  termsOf: (doc: Doc) => StoryTerms,
): KeptStories {
  let nextStory = 0;
  for (const story of storyOf.values()) nextStory = Math.max(nextStory, story + 1);
  return {
    documents: storyOf.size,
    nextStory,
    frequencies: (terms) => store.keptIndexes.termFrequencies(terms),
    storiesWithTerm: (term) => store.keptIndexes.storiesWithTerm(term),
    centroid: (story) => store.keptIndexes.storyCentroid(story),
    async members(story, withTerms) {
      const members = await store.keptIndexes.storyMembers(story);
      const features = withTerms
        ? await store.readDocFacts(
            LINK_FEATURES,
            members.map((member) => member.id),
          )
        : undefined;
      const read: Awaited<ReturnType<KeptStories['members']>> = [];
      for (const member of members) {
        let terms: StoryTerms = new Map();
        const stored = features?.get(member.id);
        if (stored) terms = new Map(stored.terms);
        else if (features) {
          const doc = await store.getDocument(member.id);
          if (doc) terms = termsOf(doc);
        }
        read.push({
          name: member.externalId ?? member.id,
          terms,
          headline: member.headline,
          date: member.statedDate?.slice(0, 10),
          outlet: member.outlet,
          norm: member.norm,
        });
      }
      return read;
    },
  };
}

/** The kept version index, read ahead of the synchronous version index that asks it. */
export interface PreparedKeptVersions extends KeptVersions {
  /** Reads what matching a new text with these features asks of the kept index; call just before `addFeatures`. */
  prepare(features: TextFeatures): Promise<void>;
  /** Reads the exact-text keys of these kept documents, before `isExactGroup` asks for them. */
  readExactKeys(docs: readonly number[]): Promise<void>;
}

/**
 * The version index the store keeps, by document number in this run: numbers are given in arrival
 * order as documents are put back, and a kept document not yet numbered is not matched (as a
 * document only meets those before it). Shingles come from the kept features, or the text.
 */
export function keptVersions(
  store: Store,
  ids: readonly string[],
  position: ReadonlyMap<string, number>,
  featuresOf: (text: string) => TextFeatures,
): PreparedKeptVersions {
  const numbered = (found: readonly string[]) =>
    found.flatMap((id) => {
      const doc = position.get(id);
      return doc === undefined ? [] : [doc];
    });
  let prepared: { exact: readonly [number, number]; bands: Uint32Array; exactDocs: number[]; bandDocs: number[] } = {
    exact: [0, 0],
    bands: new Uint32Array(0),
    exactDocs: [],
    bandDocs: [],
  };
  const shingles = new Map<number, Uint32Array>();
  const exactKeys = new Map<number, readonly [number, number]>();
  const unprepared = (what: string) => new RangeError(`the kept version index was not read for this ${what}`);
  return {
    async prepare(features) {
      shingles.clear();
      // A text without words is matched against nothing.
      if (!features.bands) return;
      const exactDocs = numbered(await store.keptIndexes.withExactKey(features.exact));
      const bandDocs = numbered(await store.keptIndexes.withBandKeys([...features.bands]));
      prepared = { exact: features.exact, bands: features.bands, exactDocs, bandDocs };
      const wanted = bandDocs.map((doc) => ids[doc] as string);
      const kept = await store.readDocFacts(LINK_FEATURES, wanted);
      for (const [index, doc] of bandDocs.entries()) {
        const id = wanted[index] as string;
        const stored = kept.get(id);
        if (stored) shingles.set(doc, decodeLinkFeatures(stored).text.shingles);
        else {
          const document = await store.getDocument(id);
          shingles.set(doc, document ? featuresOf(document.text).shingles : new Uint32Array(0));
        }
      }
    },
    async readExactKeys(docs) {
      for (const doc of docs) {
        if (!exactKeys.has(doc)) exactKeys.set(doc, (await store.keptIndexes.exactKeyOf(ids[doc] as string)) ?? [0, 0]);
      }
    },
    exactMatches(key) {
      if (key[0] !== prepared.exact[0] || key[1] !== prepared.exact[1]) throw unprepared('exact key');
      return prepared.exactDocs;
    },
    bandMatches(keys) {
      if (keys.length !== prepared.bands.length || keys.some((key, b) => key !== prepared.bands[b]))
        throw unprepared('text');
      return prepared.bandDocs;
    },
    shingles(doc) {
      const found = shingles.get(doc);
      if (!found) throw unprepared(`document ${doc}`);
      return found;
    },
    exactKey(doc) {
      const found = exactKeys.get(doc);
      if (!found) throw unprepared(`document ${doc}`);
      return found;
    },
  };
}
