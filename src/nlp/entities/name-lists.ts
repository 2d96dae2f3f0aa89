/**
 * The stage's word lists from `data/entities/`: titles, name particles, the alias table, facility
 * words, titles written after a party (`MP`) and the head words of MISC names (`Bill`, `Prize`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_DATA_DIR } from './paths.js';
import { tokenizeName } from './tokenize.js';

export interface NameTables {
  /** Lower-cased title phrases as space-joined tokens, honorifics included. */
  titles: Set<string>;
  /** The titles that are honorifics (`mr`, `dr`, `sheikh`): a form of address, not a role. */
  honorifics: Set<string>;
  titleMaxTokens: number;
  /** Lower-cased particles (`al`, `bin`) that aliases may drop. */
  particles: Set<string>;
  /** Alias (as written) → canonical name, for places and organisations. */
  aliases: Map<string, string>;
  /** Last words of facility names (`airport`, `air base`), lower-cased tokens, longest first. */
  facilityHeads: string[][];
  /** Titles written after a party's or body's name (`Plaid Cymru MP`), as written: not part of the name. */
  memberTitles: Set<string>;
  /** Last words of the names of laws, awards and events (`Bill`, `Prize`, `Open`), as written. */
  miscHeads: Set<string>;
  /** Last words of the names of companies, parties and public bodies (`Inc`, `Party`, `Chemicals`), as written. */
  orgHeads: Set<string>;
  /** Last words a party's or company's name is also written without (`Party`, `Inc`), as written. */
  nameSuffixes: Set<string>;
  /** Pairs of names of one organisation that no spelling rule relates (`Conservative`, `Tory`). */
  sameNames: [string, string][];
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export function loadNameTables(dir = ENTITY_DATA_DIR): NameTables {
  const titles = new Set<string>();
  let titleMaxTokens = 1;
  const honorifics = new Set(
    readLines(join(dir, 'honorifics.txt')).map((line) => tokenizeName(line.toLowerCase()).join(' ')),
  );
  for (const line of [...readLines(join(dir, 'titles.txt')), ...honorifics]) {
    const tokens = tokenizeName(line.toLowerCase());
    titles.add(tokens.join(' '));
    titleMaxTokens = Math.max(titleMaxTokens, tokens.length);
  }
  const particles = new Set(readLines(join(dir, 'particles.txt')).map((line) => line.toLowerCase()));
  const aliases = new Map<string, string>();
  for (const line of readLines(join(dir, 'aliases.tsv'))) {
    const [canonical, alias] = line.split('\t');
    if (canonical && alias) aliases.set(alias.trim(), canonical.trim());
  }
  const facilityHeads = readLines(join(dir, 'facility-heads.txt'))
    .map((line) => tokenizeName(line.toLowerCase()))
    .sort((a, b) => b.length - a.length);
  const memberTitles = new Set(readLines(join(dir, 'member-titles.txt')));
  const miscHeads = new Set(readLines(join(dir, 'misc-heads.txt')));
  const orgHeads = new Set(readLines(join(dir, 'org-heads.txt')));
  const nameSuffixes = new Set(readLines(join(dir, 'name-suffixes.txt')));
  const sameNames = readLines(join(dir, 'same-names.tsv')).flatMap((line): [string, string][] => {
    const [left, right] = line.split('\t').map((name) => name.trim());
    return left && right ? [[left, right]] : [];
  });
  return {
    titles,
    honorifics,
    titleMaxTokens,
    particles,
    aliases,
    facilityHeads,
    memberTitles,
    miscHeads,
    orgHeads,
    nameSuffixes,
    sameNames,
  };
}

/** How many leading words are titles (`Lt.` `General` …), leaving at least one word of name. */
export function countLeadingTitleWords(tables: NameTables, words: readonly string[]): number {
  return leadingTitlePhrases(tables, words).reduce((sum, phrase) => sum + phrase.length, 0);
}

/** The leading title phrases, longest first at each step, leaving at least one word of name. */
export function leadingTitlePhrases(
  tables: NameTables,
  words: readonly string[],
): { length: number; honorific: boolean }[] {
  const phrases: { length: number; honorific: boolean }[] = [];
  let at = 0;
  for (;;) {
    let matched = 0;
    let honorific = false;
    for (let length = Math.min(tables.titleMaxTokens, words.length - at - 1); length >= 1; length--) {
      const phrase = titleKey(words.slice(at, at + length));
      if (tables.titles.has(phrase)) {
        matched = length;
        honorific = tables.honorifics.has(phrase);
        break;
      }
    }
    if (matched === 0) return phrases;
    phrases.push({ length: matched, honorific });
    at += matched;
  }
}

const titleKey = (words: readonly string[]) =>
  words
    .join(' ')
    .toLowerCase()
    .replace(/\u2019/g, "'");

/**
 * Title words before a name, as its roles and its honorific: `Prime Minister` is a role, `Mr` a form
 * of address (`Mr Blair`), so `Mr Prime Minister` gives the role `Prime Minister` and the title `Mr`.
 * `tokens` are exactly the title words; runs of non-honorific phrases stay one role (`Lt. General`).
 */
export function splitTitleWords(
  tables: NameTables,
  text: string,
  tokens: readonly { start: number; end: number; text: string }[],
): { roles: string[]; honorifics: string[] } {
  const roles: string[] = [];
  const honorifics: string[] = [];
  let at = 0;
  let roleStart = -1;
  const closeRole = (end: number) => {
    if (roleStart >= 0)
      roles.push(text.slice((tokens[roleStart] as { start: number }).start, (tokens[end - 1] as { end: number }).end));
    roleStart = -1;
  };
  // The phrases are read as if a name followed, so the last title word can be a phrase's end.
  for (const phrase of leadingTitlePhrases(tables, [...tokens.map((token) => token.text), 'Name'])) {
    if (phrase.honorific) {
      closeRole(at);
      honorifics.push(
        text.slice((tokens[at] as { start: number }).start, (tokens[at + phrase.length - 1] as { end: number }).end),
      );
    } else if (roleStart < 0) roleStart = at;
    at += phrase.length;
  }
  closeRole(at);
  return { roles, honorifics };
}

/**
 * A name's comparison key: lower-case, straight apostrophes, particles dropped (`Al-Kaabi` and
 * `Kaabi` share the key `kaabi`; `Harakat Hezbollah al-Nujaba` and `Harakat Hezbollah Nujaba` too).
 */
export function nameKeyTokens(tables: NameTables, name: string): string[] {
  return tokenizeName(name.replace(/[\u2018\u2019\u02bc`]/g, "'"))
    .map((token) => token.toLowerCase())
    .flatMap((token) => {
      const hyphen = token.indexOf('-');
      if (hyphen > 0 && tables.particles.has(token.slice(0, hyphen))) return [token.slice(hyphen + 1)];
      return tables.particles.has(token) ? [] : [token];
    })
    .filter((token) => /[\p{L}\d]/u.test(token));
}
