/**
 * One record per real-world entity from many documents' entity mentions. Each document's mentions
 * come grouped by the stage's canonical name; groups are joined across documents only on evidence
 * that is recorded on the result, from strongest to weakest:
 *
 * - same-name: the same canonical name and type;
 * - same-key: the same name once particles are dropped (`Harakat Hezbollah Nujaba`), 2+ words;
 * - defined-alias: one document's canonical name is a name another document defined as an alias;
 * - transliteration: same consonant skeleton and close spelling, 2+ words, same type;
 * - surname: a lone surname joins the one person in the corpus with that surname, never if two have it;
 * - facility: `al-Assad` (a place or MISC, written with its particle) joins `Ain al-Assad airbase`, the
 *   one facility in the corpus whose name ends so, never if a person's name ends so too;
 * - name-form: plural, suffix-less and clipped forms of an organisation's name that one document writes
 *   together (`Tories` and `Tory`, `Labour Party` and `Labour`, `Lib Dems` and `Liberal Democrats`), and
 *   names a short list relates (`Conservative`, `Tory`); see name-forms.ts;
 * - demonym: a people's name the stage left as itself (`Israeli`, MISC) is a mention of its country
 *   (kind `demonym`), joined to the place named as the country, or standing for it when no text names it.
 *
 * Mentions in headlines and captions (`field`) group and join like those of the text.
 */
import type { EntityType } from '../../model/index.js';
import { joinNameForms, type NameFormOptions } from './name-forms.js';
import { nameKey, skeletonKey, straightenApostrophes } from './name-keys.js';
import { recordName } from './record-name.js';
import type { DocEntities, EntityRecord, Evidence, MentionRecord } from './types.js';

export interface IdentityOptions {
  /** Particles a name may drop (`al`, `bin`); see data/entities/particles.txt. */
  particles: ReadonlySet<string>;
  /** Last words of facility names, lower-cased words (`air base` → [`air`, `base`]); see data/entities/facility-heads.txt. */
  facilityHeads?: readonly (readonly string[])[];
  /** Demonym as written (`Israeli`, `Iraqis`) → its country; `lede train demonyms` makes the table. */
  demonyms?: ReadonlyMap<string, Country>;
  /** Suffixes and related names for the name-form rule; without them, only plural and clipped forms join. */
  nameForms?: NameFormOptions;
}

/** A country as demonyms point to it: its usual English name and every name it goes by. */
export interface Country {
  name: string;
  names: readonly string[];
}

/** A document's mentions that share one canonical name (or, for demonyms, one country). */
interface Group {
  docId: string;
  name: string;
  type: EntityType;
  names: Set<string>;
  mentions: MentionRecord[];
  /** The type its mentions count as in the record when it is not their own: a demonym's country, a facility's short form. */
  countsAs?: EntityType;
  /** The country a demonym group stands for. */
  country?: Country;
}

export function buildIdentities(docs: readonly DocEntities[], options: IdentityOptions): EntityRecord[] {
  const groups = groupDocuments(docs, options.demonyms ?? new Map());
  const parent = groups.map((_, i) => i);
  const evidence = groups.map((): Evidence[] => []);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number, reason: Evidence) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    (evidence[ra] as Evidence[]).push(reason, ...(evidence[rb] as Evidence[]));
  };
  // Names repeat across groups and rules: each distinct name is keyed once per build.
  const keys = new Map<string, string[]>();
  const key = (name: string) => {
    let known = keys.get(name);
    if (!known) {
      known = nameKey(name, options.particles);
      keys.set(name, known);
    }
    return known;
  };
  const where = (group: Group) => `${group.docId}`;
  // Case does not tell names apart (`Nato`, `NATO`), except an acronym's plural: `PCs` (computers)
  // is a form of `PC`, not the union `PCS`.
  const norm = (name: string) =>
    straightenApostrophes(name)
      .replace(/\b(\p{Lu}{2,})s\b/gu, '$1')
      .toLowerCase();

  const joinBy = (
    keyOf: (group: Group) => string | undefined,
    rule: Evidence['rule'],
    why: (a: Group, b: Group) => string,
  ) => {
    const first = new Map<string, number>();
    groups.forEach((group, i) => {
      const k = keyOf(group);
      if (k === undefined) return;
      const seen = first.get(k);
      if (seen === undefined) first.set(k, i);
      else union(seen, i, { rule, detail: why(groups[seen] as Group, group) });
    });
  };
  // Demonym groups carry their country's name but were never written so: only the demonym rule joins them.
  const named = (keyOf: (group: Group) => string | undefined) => (group: Group) =>
    group.country ? undefined : keyOf(group);
  joinBy(
    named((group) => `${group.type}|${norm(group.name)}`),
    'same-name',
    (a, b) => `"${a.name}" (${a.type}) in ${where(a)} and ${where(b)}`,
  );
  joinBy(
    named((group) => {
      const k = key(group.name);
      return k.length >= 2 ? k.join(' ') : undefined;
    }),
    'same-key',
    (a, b) =>
      `"${a.name}" (${where(a)}, ${a.type}) and "${b.name}" (${where(b)}, ${b.type}) differ only in particles or case`,
  );

  // A name one document defines as an alias (`ISIS (Daesh)`) is another document's canonical name.
  // Surname-like aliases (the tail of the name) are left to the surname rule, and an alias that two
  // entities claim joins neither.
  const byName = new Map<string, number[]>();
  groups.forEach((group, i) => {
    if (group.country) return;
    const k = `${group.type}|${norm(group.name)}`;
    appendTo(byName, k, i);
  });
  const claims = new Map<string, { group: number; alias: string }[]>();
  groups.forEach((group, i) => {
    if (group.country) return;
    const own = key(group.name).join(' ');
    for (const alias of group.names) {
      const aliasKey = key(alias).join(' ');
      if (norm(alias) === norm(group.name) || own.endsWith(aliasKey)) continue;
      const k = `${group.type}|${norm(alias)}`;
      appendTo(claims, k, { group: i, alias });
    }
  });
  for (const [k, claimers] of claims) {
    const roots = new Set(claimers.map((claim) => find(claim.group)));
    if (roots.size !== 1) continue;
    const { group: i, alias } = claimers[0] as { group: number; alias: string };
    const group = groups[i] as Group;
    for (const j of byName.get(k) ?? []) {
      union(i, j, {
        rule: 'defined-alias',
        detail: `${where(group)} calls "${group.name}" also "${alias}", the name used in ${where(groups[j] as Group)}`,
      });
    }
  }

  joinTransliterations(groups, key, find, union);
  joinSurnames(groups, key, find, union);
  joinFacilityShortForms(groups, key, find, union, options);
  const formJoined = joinNameForms(groups, options.nameForms ?? { suffixes: new Set(), sameNames: [] }, union);
  joinDemonyms(groups, norm, union, (i, reason) => (evidence[find(i)] as Evidence[]).push(reason));

  const clusters = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const root = find(i);
    appendTo(clusters, root, i);
  });
  // `Tories` (MISC, read as a people) joined to `Tory` (ORG) is the party: the record is an organisation.
  for (const members of clusters.values()) {
    if (!members.some((i) => formJoined.has(i))) continue;
    if (!members.some((i) => (groups[i] as Group).type === 'ORG')) continue;
    for (const i of members) {
      const group = groups[i] as Group;
      if (group.type === 'MISC' && !group.countsAs) group.countsAs = 'ORG';
    }
  }
  return [...clusters]
    .map(([root, members]) =>
      toRecord(
        members.map((i) => groups[i] as Group),
        evidence[root] as Evidence[],
        key,
        options.nameForms ?? { suffixes: new Set(), sameNames: [] },
      ),
    )
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

function groupDocuments(docs: readonly DocEntities[], demonyms: ReadonlyMap<string, Country>): Group[] {
  const groups: Group[] = [];
  for (const doc of docs) {
    const byName = new Map<string, MentionRecord[]>();
    const byCountry = new Map<Country, MentionRecord[]>();
    for (const mention of doc.mentions) {
      const country = demonymCountry(mention, demonyms);
      if (country) appendTo(byCountry, country, { ...mention, kind: 'demonym' });
      else appendTo(byName, mention.docEntity, mention);
    }
    for (const [name, mentions] of byName) {
      groups.push({
        docId: doc.docId,
        name,
        type: majority(mentions.map((mention) => mention.type)),
        names: new Set([name, ...mentions.map((mention) => straightenApostrophes(mention.text))]),
        mentions,
      });
    }
    for (const [country, mentions] of byCountry) {
      groups.push({
        docId: doc.docId,
        name: country.name,
        type: 'LOC',
        names: new Set([country.name]),
        mentions,
        countsAs: 'LOC',
        country,
      });
    }
  }
  return groups;
}

/**
 * The country a mention stands for as a demonym: a MISC mention that is a listed demonym and that
 * the stage named as itself (not part of a longer name, not resolved to another entity).
 */
function demonymCountry(mention: MentionRecord, demonyms: ReadonlyMap<string, Country>): Country | undefined {
  if (mention.type !== 'MISC') return undefined;
  const text = straightenApostrophes(mention.text);
  if (straightenApostrophes(mention.docEntity) !== text) return undefined;
  return demonyms.get(text);
}

/**
 * Each country's demonym groups join the place named as the country (by any of its names, its usual
 * one first); with none, they join one another and stand for the country. Every one says why.
 */
function joinDemonyms(
  groups: Group[],
  norm: (name: string) => string,
  union: Union,
  note: (i: number, reason: Evidence) => void,
) {
  const places = new Map<string, number>();
  groups.forEach((group, i) => {
    if (group.type !== 'LOC' || group.country || group.countsAs) return;
    const k = norm(group.name);
    if (!places.has(k)) places.set(k, i);
  });
  const byCountry = new Map<Country, number[]>();
  groups.forEach((group, i) => {
    if (group.country) appendTo(byCountry, group.country, i);
  });
  for (const [country, members] of byCountry) {
    const place = [country.name, ...country.names].map((name) => places.get(norm(name))).find((i) => i !== undefined);
    const target = place ?? (members[0] as number);
    for (const i of members) {
      const group = groups[i] as Group;
      const reason: Evidence = { rule: 'demonym', detail: demonymDetail(group, country) };
      if (i === target) note(i, reason);
      else union(target, i, reason);
    }
  }
}

/** `"Iraqi", "Iraqis" (MISC) name the people of Iraq, in DOC`: compactEvidence counts the documents of one such line. */
function demonymDetail(group: Group, country: Country): string {
  const written = [...new Set(group.mentions.map((mention) => `"${straightenApostrophes(mention.text)}"`))].sort();
  return `${written.join(', ')} (MISC) ${written.length > 1 ? 'name' : 'names'} the people of ${country.name}, in ${group.docId}`;
}

type Union = (a: number, b: number, reason: Evidence) => void;

function joinTransliterations(
  groups: Group[],
  key: (name: string) => string[],
  find: (i: number) => number,
  union: Union,
) {
  const bySkeleton = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const k = key(group.name);
    if (k.length < 2) return;
    const s = `${group.type}|${skeletonKey(k)}`;
    appendTo(bySkeleton, s, i);
  });
  for (const members of bySkeleton.values()) {
    for (let x = 1; x < members.length; x++) {
      const a = groups[members[0] as number] as Group;
      const b = groups[members[x] as number] as Group;
      if (find(members[0] as number) === find(members[x] as number)) continue;
      const left = key(a.name);
      const right = key(b.name);
      const close = left.every((word, w) => closeSpelling(word, right[w] ?? ''));
      if (!close) continue;
      union(members[0] as number, members[x] as number, {
        rule: 'transliteration',
        detail: `"${a.name}" and "${b.name}" are spellings of one name (${skeletonKey(key(a.name))})`,
      });
    }
  }
}

/**
 * A lone surname joins the only person in the corpus whose name ends with it: the same spelling, or
 * the same skeleton spelled closely (`Suleimani` for `Soleimani`); two surnames that only sound alike
 * are two people (`Falconer` is not `Faulkner`).
 */
function joinSurnames(groups: Group[], key: (name: string) => string[], find: (i: number) => number, union: Union) {
  const people = new Map<string, { root: number; surname: string }[]>();
  groups.forEach((group, i) => {
    const k = key(group.name);
    if (group.type !== 'PERSON' || k.length < 2) return;
    const surname = k[k.length - 1] as string;
    appendTo(people, skeletonKey([surname]), { root: find(i), surname });
  });
  groups.forEach((group, i) => {
    const k = key(group.name);
    if (group.type !== 'PERSON' || k.length !== 1) return;
    const written = k[0] as string;
    const roots = (people.get(skeletonKey(k)) ?? []).filter(({ surname }) => closeSpelling(written, surname));
    const live = new Set(roots.map(({ root }) => find(root)));
    if (live.size !== 1) return;
    const [root] = [...live] as [number];
    union(root, i, {
      rule: 'surname',
      detail: `"${group.name}" in ${group.docId} is the surname of "${(groups[root] as Group).name}", the only person with it`,
    });
  });
}

/** Spellings of one word that differ in at most a third of their letters (`Qassem`, `Qasem`). */
function closeSpelling(word: string, other: string): boolean {
  return editDistance(word, other) / Math.max(word.length, other.length) <= 0.34;
}

/**
 * `al-Assad` joins `Ain al-Assad airbase`: a place or MISC name that is how the facility's name
 * ends before its facility word, either all of it (`Ain al-Assad`) or its last words from a
 * particle on (`al-Assad`), when exactly one facility in the corpus is named so and no person's
 * name ends so (`Bashar al-Assad` would make `al-Assad` anyone's).
 */
function joinFacilityShortForms(
  groups: Group[],
  key: (name: string) => string[],
  find: (i: number) => number,
  union: Union,
  options: IdentityOptions,
) {
  const heads = options.facilityHeads ?? [];
  const tails = new Map<string, { facility: number; whole: boolean }[]>();
  groups.forEach((group, i) => {
    if (group.type !== 'LOC' || group.country) return;
    const k = key(group.name);
    const head = heads.find(
      (words) => words.length < k.length && words.every((word, j) => k[k.length - words.length + j] === word),
    );
    const proper = head ? k.slice(0, k.length - head.length) : [];
    if (proper.length < 2) return;
    for (let t = 1; t <= proper.length; t++) {
      const tail = proper.slice(-t).join(' ');
      appendTo(tails, tail, { facility: i, whole: t === proper.length });
    }
  });
  if (tails.size === 0) return;
  const personal = new Set<string>();
  for (const group of groups) {
    if (group.type !== 'PERSON') continue;
    const k = key(group.name);
    for (let t = 1; t <= k.length; t++) personal.add(k.slice(-t).join(' '));
  }
  groups.forEach((group, i) => {
    if (group.country) return;
    const tail = key(group.name).join(' ');
    const facilities = tails.get(tail);
    if (!facilities || personal.has(tail)) return;
    const roots = new Set(facilities.map((entry) => find(entry.facility)));
    if (roots.size !== 1 || roots.has(find(i))) return;
    if (group.type !== 'LOC' && group.type !== 'MISC') return;
    const whole = facilities.some((entry) => entry.whole);
    if (!whole && !startsWithParticle(group.name, options.particles)) return;
    const first = (facilities[0] as { facility: number }).facility;
    const facility = groups[first] as Group;
    union(first, i, {
      rule: 'facility',
      detail: `"${group.name}" (${group.type}) in ${group.docId} is how "${facility.name}" (${facility.docId}) ends before its facility word; no other facility or person is named so`,
    });
    group.countsAs = facility.type;
  });
}

function startsWithParticle(name: string, particles: ReadonlySet<string>): boolean {
  const first = straightenApostrophes(name).toLowerCase().split(/\s+/)[0] ?? '';
  const hyphen = first.indexOf('-');
  return particles.has(first) || (hyphen > 0 && particles.has(first.slice(0, hyphen)));
}

function toRecord(
  members: Group[],
  evidence: Evidence[],
  key: (name: string) => string[],
  nameForms: NameFormOptions,
): EntityRecord {
  // Demonym groups name the record only when nothing else does: their country's name was not written.
  const written = members.filter((group) => !group.country);
  const naming = written.length > 0 ? written : members;
  const mentions = members.flatMap((group) => group.mentions);
  const type = majority(members.flatMap((group) => group.mentions.map((mention) => group.countsAs ?? mention.type)));
  // A name the tagger read as another kind of thing (`Tories` read as a people, in a party's record)
  // names the record only when no name of its own kind does.
  const ofItsKind = naming.filter((group) => group.type === type);
  const nameCounts = new Map<string, number>();
  for (const group of ofItsKind.length > 0 ? ofItsKind : naming) {
    const name = straightenApostrophes(group.name);
    nameCounts.set(name, (nameCounts.get(name) ?? 0) + group.mentions.length);
  }
  const name = recordName(nameCounts, type, key, nameForms);
  const names = new Set(naming.flatMap((group) => [...group.names].map(straightenApostrophes)));
  names.delete(name);
  const aliases = [...names].sort();
  const variants = aliases.filter((alias) => {
    const a = key(alias);
    return a.length >= 2 && skeletonKey(a) === skeletonKey(key(name)) && a.join(' ') !== key(name).join(' ');
  });
  const roles = new Map<string, string>();
  for (const mention of mentions) for (const role of mention.roles) roles.set(role.toLowerCase(), role);
  return {
    id: `${type}:${straightenApostrophes(name).toLowerCase()}`,
    name,
    type,
    aliases,
    variants,
    roles: [...roles.values()].sort(),
    documents: [...new Set(mentions.map((mention) => mention.docId))].sort(),
    mentions,
    evidence,
  };
}

function majority<T extends string>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as T;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Adds to a map of lists in place: copying the list on every add grows with the square of its size. */
function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
