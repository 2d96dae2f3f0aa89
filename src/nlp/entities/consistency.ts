/**
 * One document, one reading of each name: a name the tagger recognised somewhere gets the type most
 * of its mentions got, and its other mentions that the tagger missed are tagged too.
 */
import type { TokenEntity } from './conll.js';
import { normaliseWord } from './features.js';

export interface ConsistencyOptions {
  /** Relabel each name to the type most of its mentions have. */
  vote: boolean;
  /** Tag untagged repetitions of recognised names. */
  propagate: boolean;
}

const key = (words: readonly string[]) => words.map(normaliseWord).join(' ');

/**
 * Sentences before `from` only vote (the text, when harmonising a headline in its light): the
 * result holds the sentences from `from` on.
 */
export function harmoniseDocument(
  sentences: readonly (readonly string[])[],
  entities: readonly TokenEntity[][],
  options: ConsistencyOptions = { vote: true, propagate: true },
  from = 0,
): TokenEntity[][] {
  const votes = new Map<string, Map<string, number>>();
  sentences.forEach((words, s) => {
    for (const entity of entities[s] as TokenEntity[]) {
      const name = key(words.slice(entity.start, entity.end));
      const tally = votes.get(name) ?? new Map<string, number>();
      tally.set(entity.label, (tally.get(entity.label) ?? 0) + 1);
      votes.set(name, tally);
    }
  });
  const majority = new Map<string, string>();
  for (const [name, tally] of votes) {
    const ranked = [...tally].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (top && (!second || top[1] > second[1])) majority.set(name, top[0]);
  }
  const maxLength = Math.max(0, ...[...votes.keys()].map((name) => name.split(' ').length));
  return sentences.slice(from).map((words, k) => {
    const s = from + k;
    const own = (entities[s] as TokenEntity[]).map((entity) => {
      if (!options.vote) return entity;
      const label = majority.get(key(words.slice(entity.start, entity.end)));
      return label && label !== entity.label ? { ...entity, label } : entity;
    });
    if (!options.propagate) return own;
    const taken = new Uint8Array(words.length);
    for (const entity of own) taken.fill(1, entity.start, entity.end);
    const added: TokenEntity[] = [];
    for (let start = 0; start < words.length; start++) {
      if (taken[start] || !/^\p{Lu}/u.test(words[start] as string)) continue;
      for (let end = Math.min(words.length, start + maxLength); end > start; end--) {
        if (taken.subarray(start, end).some(Boolean)) continue;
        const label = majority.get(key(words.slice(start, end)));
        if (!label) continue;
        added.push({ start, end, label });
        taken.fill(1, start, end);
        start = end - 1;
        break;
      }
    }
    return [...own, ...added].sort((a, b) => a.start - b.start);
  });
}
