import type { EntityType } from '../../model/index.js';
import { matchesInitials } from '../../nlp/entities/index.js';
import { baseForm, type NameFormOptions, unclippedNames } from './name-forms.js';

/**
 * The record's name: its most mentioned full form. A short form never names it while its full form
 * is there: a clipped form (`Lib Dems` beside `Liberal Democrats`), an acronym (`PMU` beside `Popular
 * Mobilization Units`) and a one-word name of a person (`Kaabi` beside `Akram al-Kaabi`). A longer name that
 * merely holds a more mentioned one (`New York Harbor` beside `New York`) is no fuller form of it.
 * Forms of one name (`Labour` and `Labour Party`, `Tory` and `Tories`, `NEW YORK` and `New York`)
 * count together, and the form written with its suffix, and not merely set in capitals, names them.
 * Two names of one organisation from the project's list (`Conservative` and `Tory`) count together
 * too, and the list's first names them, however often the other is written.
 */
export function recordName(
  nameCounts: ReadonlyMap<string, number>,
  type: EntityType,
  key: (name: string) => string[],
  { suffixes, sameNames }: NameFormOptions,
): string {
  const formOf = (name: string) => baseForm(name, suffixes).join(' ');
  // The list's second name's form → its first name's form.
  const listed = new Map(sameNames.map(([first, second]) => [formOf(second), formOf(first)]));
  const familyOf = (name: string) => listed.get(formOf(name)) ?? formOf(name);
  const unclipped = unclippedNames([...nameCounts.keys()]);
  const keys = new Map(unclipped.map((name) => [name, key(name).join(' ')]));
  const isShortForm = (name: string) =>
    unclipped.some((other) => {
      if (other === name) return false;
      const own = keys.get(name) as string;
      const longer = keys.get(other) as string;
      if (!own || longer.length <= own.length) return false;
      if (isAcronymOf(name, other) || clipsFirstWord(own, longer)) return true;
      // `Express` in `Federal Express Corp`: a name inside another, not at its start, is a part of it;
      // at its start it may be what the longer name is named after (`New York`, `New York Harbor`).
      if (` ${longer} `.includes(` ${own} `) && !longer.startsWith(`${own} `)) return true;
      // A person's full name has two words or more: one word alone (`Kaabi`, `Alan`) is a short form.
      return type === 'PERSON' && !own.includes(' ') && longer.includes(' ');
    });
  const full = unclipped.filter((name) => !isShortForm(name));
  const families = new Map<string, { names: string[]; count: number }>();
  for (const name of full.length > 0 ? full : unclipped) {
    const form = familyOf(name);
    const family = families.get(form) ?? { names: [], count: 0 };
    family.names.push(name);
    family.count += nameCounts.get(name) as number;
    families.set(form, family);
  }
  const [chosen] = [...families.values()].sort(
    (a, b) =>
      b.count - a.count ||
      Math.max(...b.names.map((name) => key(name).length)) - Math.max(...a.names.map((name) => key(name).length)) ||
      (a.names[0] as string).localeCompare(b.names[0] as string),
  );
  const words = (name: string) => name.trim().split(/\s+/).length;
  // `NEW YORK` in a dateline is `New York` set in capitals; `PC`, `OPEC`, `N.Y.` are written so.
  const shouted = (name: string, names: readonly string[]) =>
    !/\p{Ll}/u.test(name) &&
    (/\s/.test(name.trim()) || /\p{Lu}{5}/u.test(name)) &&
    names.some((other) => other !== name && other.toLowerCase() === name.toLowerCase());
  const { names } = chosen as { names: string[] };
  const second = (name: string) => listed.has(formOf(name));
  return [...names].sort(
    (a, b) =>
      Number(second(a)) - Number(second(b)) ||
      words(b) - words(a) ||
      Number(shouted(a, names)) - Number(shouted(b, names)) ||
      (nameCounts.get(b) as number) - (nameCounts.get(a) as number) ||
      a.localeCompare(b),
  )[0] as string;
}

/** `Fed` is `Federal Reserve Board` clipped: one word, a shorter start (three letters or more) of its first word. */
function clipsFirstWord(shortKey: string, longKey: string): boolean {
  const first = longKey.split(' ')[0] as string;
  return (
    !shortKey.includes(' ') &&
    longKey.includes(' ') &&
    shortKey.length >= 3 &&
    shortKey.length < first.length &&
    first.startsWith(shortKey)
  );
}

/**
 * `PMU` is `Popular Mobilization Units`, `UKIP` the `UK Independence Party`, `Opec` the `Organization
 * of Petroleum Exporting Countries`: a one-word name whose capitals (or, written as a word, whose
 * letters) are the initials of the other's capitalised words, a word in capitals giving all its letters.
 */
function isAcronymOf(short: string, name: string): boolean {
  if (/\s/.test(short.trim()) || !/\s/.test(name.trim())) return false;
  if (matchesInitials(short, name)) return true;
  // `ECUs`, `Ecus`: an acronym's plural.
  const word = short.replace(/(?<=\p{L}{2})s$/u, '');
  const capitals = word.replace(/[^\p{Lu}]/gu, '');
  const letters = word.replace(/[^\p{L}]/gu, '').toUpperCase();
  // `PlayStation Portable` gives P, S, P; `UK Independence Party` U, K, I, P.
  const initials = name
    .split(/[\s-]+/)
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part.replace(/[^\p{Lu}]/gu, ''))
    .join('');
  const all = short.replace(/[^\p{L}]/gu, '').toUpperCase();
  return initials.length >= 2 && (capitals === initials || letters === initials || all === initials);
}
