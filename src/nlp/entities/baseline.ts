/**
 * The plain baseline `lede eval entities` prints beside the model: runs of capitalised words, typed
 * by lookup in the same name lists (curated and induced from train) and else by a suffix rule. No
 * learning; it shows what the trained tagger adds over capitalisation and lists.
 */
import type { TokenEntity } from './conll.js';
import { type Gazetteer, gazetteerKey } from './gazetteer.js';

const ORG_ENDINGS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'group', 'party', 'bank', 'club', 'united', 'council']);
const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const CONNECTORS = new Set(['of', 'de', 'al', 'van', 'von', 'and', 'for', 'the']);

export function tagByCapitalisation(words: readonly string[], lists: readonly Gazetteer[]): TokenEntity[] {
  const capitalised = (word: string) => /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
  const acronym = (word: string) => /^\p{Lu}[\p{Lu}.]+$/u.test(word);
  const lookup = (tokens: readonly string[]) => {
    const key = gazetteerKey(tokens);
    for (const list of lists) {
      const label = list.entries.get(key)?.find((candidate) => TYPES.has(candidate));
      if (label) return label;
    }
    return undefined;
  };
  const entities: TokenEntity[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as string;
    if (!capitalised(word) && !acronym(word)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < words.length) {
      const next = words[end] as string;
      if (capitalised(next) || acronym(next)) end++;
      else if (CONNECTORS.has(next.toLowerCase()) && end + 1 < words.length && capitalised(words[end + 1] as string))
        end += 2;
      else break;
    }
    const tokens = words.slice(i, end);
    const listed = lookup(tokens);
    const last = (tokens[tokens.length - 1] as string).toLowerCase().replace(/\.$/, '');
    if (i === 0 && end - i === 1 && !listed) {
      i = end;
      continue;
    }
    const label = listed ?? (ORG_ENDINGS.has(last) || acronym(tokens[0] as string) ? 'ORG' : 'PER');
    entities.push({ start: i, end, label });
    i = end;
  }
  return entities;
}
