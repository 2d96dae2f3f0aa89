/**
 * One record per real-world entity from many documents' entity mentions. Each document's mentions
 * come grouped by the stage's canonical name; groups are joined across documents only on evidence
 * that is recorded on the result, from strongest to weakest:
 *
 * - same-name: the same canonical name and type;
 * - same-key: the same name once particles are dropped (`Harakat Hezbollah Nujaba`), 2+ words;
 * - defined-alias: one document's canonical name is a name another document defined as an alias;
 * - transliteration: same consonant skeleton and close spelling, 2+ words, same type;
 * - surname: a lone surname joins the one person in the corpus with that surname, never if two have it.
 */
import type { EntityType } from '../../model/index.js';
import { nameKey, skeletonKey, straightenApostrophes } from './name-keys.js';
import type { DocEntities, EntityRecord, Evidence, MentionRecord } from './types.js';

export interface IdentityOptions {
  /** Particles a name may drop (`al`, `bin`); see data/entities/particles.txt. */
  particles: ReadonlySet<string>;
}

/** A document's mentions that share one canonical name. */
interface Group {
  docId: string;
  name: string;
  type: EntityType;
  names: Set<string>;
  mentions: MentionRecord[];
}

export function buildIdentities(docs: readonly DocEntities[], options: IdentityOptions): EntityRecord[] {
  const groups = groupDocuments(docs);
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
  const key = (name: string) => nameKey(name, options.particles);
  const where = (group: Group) => `${group.docId}`;
  const norm = (name: string) => straightenApostrophes(name).toLowerCase();

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
  joinBy(
    (group) => `${group.type}|${straightenApostrophes(group.name).toLowerCase()}`,
    'same-name',
    (a, b) => `"${a.name}" (${a.type}) in ${where(a)} and ${where(b)}`,
  );
  joinBy(
    (group) => {
      const k = key(group.name);
      return k.length >= 2 ? k.join(' ') : undefined;
    },
    'same-key',
    (a, b) =>
      `"${a.name}" (${where(a)}, ${a.type}) and "${b.name}" (${where(b)}, ${b.type}) differ only in particles or case`,
  );

  // A name one document defines as an alias (`ISIS (Daesh)`) is another document's canonical name.
  // Surname-like aliases (the tail of the name) are left to the surname rule, and an alias that two
  // entities claim joins neither.
  const byName = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const k = `${group.type}|${norm(group.name)}`;
    byName.set(k, [...(byName.get(k) ?? []), i]);
  });
  const claims = new Map<string, { group: number; alias: string }[]>();
  groups.forEach((group, i) => {
    const own = key(group.name).join(' ');
    for (const alias of group.names) {
      const aliasKey = key(alias).join(' ');
      if (norm(alias) === norm(group.name) || own.endsWith(aliasKey)) continue;
      const k = `${group.type}|${norm(alias)}`;
      claims.set(k, [...(claims.get(k) ?? []), { group: i, alias }]);
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

  const clusters = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), i]);
  });
  return [...clusters]
    .map(([root, members]) =>
      toRecord(
        members.map((i) => groups[i] as Group),
        evidence[root] as Evidence[],
        key,
      ),
    )
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

function groupDocuments(docs: readonly DocEntities[]): Group[] {
  const groups: Group[] = [];
  for (const doc of docs) {
    const byName = new Map<string, MentionRecord[]>();
    for (const mention of doc.mentions) {
      byName.set(mention.docEntity, [...(byName.get(mention.docEntity) ?? []), mention]);
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
  }
  return groups;
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
    bySkeleton.set(s, [...(bySkeleton.get(s) ?? []), i]);
  });
  for (const members of bySkeleton.values()) {
    for (let x = 1; x < members.length; x++) {
      const a = groups[members[0] as number] as Group;
      const b = groups[members[x] as number] as Group;
      if (find(members[0] as number) === find(members[x] as number)) continue;
      const left = key(a.name);
      const right = key(b.name);
      const close = left.every((word, w) => {
        const other = right[w] ?? '';
        return editDistance(word, other) / Math.max(word.length, other.length) <= 0.34;
      });
      if (!close) continue;
      union(members[0] as number, members[x] as number, {
        rule: 'transliteration',
        detail: `"${a.name}" and "${b.name}" are spellings of one name (${skeletonKey(key(a.name))})`,
      });
    }
  }
}

/** A lone surname joins the only person in the corpus whose name ends with it (same spelling or skeleton). */
function joinSurnames(groups: Group[], key: (name: string) => string[], find: (i: number) => number, union: Union) {
  const people = new Map<string, Set<number>>();
  groups.forEach((group, i) => {
    const k = key(group.name);
    if (group.type !== 'PERSON' || k.length < 2) return;
    const last = skeletonKey([k[k.length - 1] as string]);
    people.set(last, (people.get(last) ?? new Set()).add(find(i)));
  });
  groups.forEach((group, i) => {
    const k = key(group.name);
    if (group.type !== 'PERSON' || k.length !== 1) return;
    const roots = people.get(skeletonKey(k));
    const live = new Set([...(roots ?? [])].map(find));
    if (live.size !== 1) return;
    const [root] = [...live] as [number];
    union(root, i, {
      rule: 'surname',
      detail: `"${group.name}" in ${group.docId} is the surname of "${(groups[root] as Group).name}", the only person with it`,
    });
  });
}

function toRecord(members: Group[], evidence: Evidence[], key: (name: string) => string[]): EntityRecord {
  const nameCounts = new Map<string, number>();
  for (const group of members) {
    const name = straightenApostrophes(group.name);
    nameCounts.set(name, (nameCounts.get(name) ?? 0) + group.mentions.length);
  }
  const name = [...nameCounts].sort(
    (a, b) => key(b[0]).length - key(a[0]).length || b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0] as string;
  const mentions = members.flatMap((group) => group.mentions);
  const type = majority(mentions.map((mention) => mention.type));
  const names = new Set(members.flatMap((group) => [...group.names].map(straightenApostrophes)));
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
