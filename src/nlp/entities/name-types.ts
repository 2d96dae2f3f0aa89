import { join } from 'node:path';
import { loadNameTable } from './lists.js';
import type { Mention } from './mentions.js';
import type { NameTables } from './name-lists.js';
import { ENTITY_DATA_DIR } from './paths.js';
import { tokenize } from './tokenize.js';

/**
 * Names of the curated list whose type there is authoritative, by exact text: the multi-word ones,
 * and single-word organisations (`Daesh`, `NATO`), which the tagger may read as a modifier (`the
 * Daesh terrorists` tagged MISC like a nationality). A single word of another type stays the
 * tagger's call: `Gulf`, `America` and the demonyms are used as other kinds of names too.
 */
const LISTED_TYPES = new Map(
  loadNameTable(join(ENTITY_DATA_DIR, 'names.tsv')).flatMap((list) =>
    ['PERSON', 'ORG', 'LOC', 'MISC'].includes(list.label)
      ? [...list.names]
          .filter((name) => name.includes(' ') || list.label === 'ORG')
          .map((name) => [name, list.label as Mention['type']] as const)
      : [],
  ),
);

/**
 * The tagger weighs the list as one feature among many, so `in an interview with Al Arabiya` can still
 * come out PERSON; a curated name of `LISTED_TYPES` keeps its listed type.
 */
export function typeListedName(text: string, mention: Mention): Mention {
  const listed = LISTED_TYPES.get(text.slice(mention.start, mention.end));
  return listed && listed !== mention.type ? { ...mention, type: listed } : mention;
}

/** A name ending in a facility word (`… International Airport`, `Ain al-Assad airbase`) is a place. */
export function placeFacility(text: string, mention: Mention, tables: NameTables): Mention {
  if (mention.type === 'LOC' || mention.type === 'PERSON') return mention;
  const words = tokenize(mention.canonical ?? text.slice(mention.start, mention.end)).map((token) =>
    token.text.toLowerCase(),
  );
  const isFacility = tables.facilityHeads.some(
    (head) => head.length <= words.length && head.every((word, k) => words[words.length - head.length + k] === word),
  );
  return isFacility ? { ...mention, type: 'LOC' } : mention;
}

/** A name ending in the head word of a company, party or public body (`Calder Chemicals`, `Labour Party`) is ORG. */
export function typeByOrgHead(text: string, mention: Mention, tables: Pick<NameTables, 'orgHeads'>): Mention {
  if (mention.type === 'ORG') return mention;
  const words = tokenize(text, mention.start, mention.end);
  const last = words[words.length - 1]?.text;
  return words.length >= 2 && last !== undefined && tables.orgHeads.has(last) ? { ...mention, type: 'ORG' } : mention;
}

/** A name ending in the head word of a law, award or event (`Identity Cards Bill`, `Nobel Prize`, `US Open`) is MISC. */
export function typeByMiscHead(text: string, mention: Mention, tables: Pick<NameTables, 'miscHeads'>): Mention {
  if (mention.type === 'MISC') return mention;
  const words = tokenize(text, mention.start, mention.end);
  const last = words[words.length - 1]?.text;
  return words.length >= 2 && last !== undefined && tables.miscHeads.has(last) ? { ...mention, type: 'MISC' } : mention;
}
