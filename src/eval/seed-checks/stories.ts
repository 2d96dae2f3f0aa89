import { storiesJson } from '../../link/clusters/index.js';
import type { SeedCheck, SeedOutcome } from '../contract.js';

/** gold.json `same_story`: each group of files is one story, and no other seed joins it. */
export const storiesSeedCheck: SeedCheck = {
  component: 'stories',
  check: async ({ gold, docs }) => {
    const { stories } = await storiesJson(docs.map((doc) => ({ ...doc, externalId: doc.source.uri })));
    const storyOf = new Map<string, string>();
    for (const story of stories) for (const member of story.members) storyOf.set(member, story.id);
    const goldGroupOf = new Map<string, number>();
    gold.same_story.forEach((group, index) => {
      for (const file of group) goldGroupOf.set(file, index);
    });
    return docs.map((doc): SeedOutcome => {
      const file = doc.source.uri;
      const group = goldGroupOf.get(file);
      const expected = group === undefined ? [file] : [...(gold.same_story[group] as string[])].sort();
      const actual = docs
        .map((other) => other.source.uri)
        .filter((other) => storyOf.get(other) === storyOf.get(file))
        .sort();
      return { file, field: 'same_story', expected, actual, pass: JSON.stringify(expected) === JSON.stringify(actual) };
    });
  },
};
