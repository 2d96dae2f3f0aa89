/** The stage's word lists from `data/entities/`: titles, name particles, the alias table and facility words. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_DATA_DIR } from './paths.js';
import { tokenizeName } from './tokenize.js';

export interface NameTables {
  /** Lower-cased title phrases as space-joined tokens. */
  titles: Set<string>;
  titleMaxTokens: number;
  /** Lower-cased particles (`al`, `bin`) that aliases may drop. */
  particles: Set<string>;
  /** Alias (as written) → canonical name, for places and organisations. */
  aliases: Map<string, string>;
  /** Last words of facility names (`airport`, `air base`), lower-cased tokens, longest first. */
  facilityHeads: string[][];
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
  for (const line of readLines(join(dir, 'titles.txt'))) {
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
  return { titles, titleMaxTokens, particles, aliases, facilityHeads };
}

/** How many leading words are titles (`Lt.` `General` …), leaving at least one word of name. */
export function countLeadingTitleWords(tables: NameTables, words: readonly string[]): number {
  let at = 0;
  for (;;) {
    let matched = 0;
    for (let length = Math.min(tables.titleMaxTokens, words.length - at - 1); length >= 1; length--) {
      const phrase = words
        .slice(at, at + length)
        .join(' ')
        .toLowerCase()
        .replace(/\u2019/g, "'");
      if (tables.titles.has(phrase)) {
        matched = length;
        break;
      }
    }
    if (matched === 0) return at;
    at += matched;
  }
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
