import { straightenApostrophes } from './name-keys.js';
import type { IdentityState, StoredIdentity } from './store-identities.js';

/**
 * Lookups over saved identities, built once per state so that a request never scans every record:
 * by name or alias, per-document name → identity name, and shared documents.
 */
export interface IdentityIndex {
  state: IdentityState;
  /** The records a name picks out, as `findRecords` gives them: by canonical name first, else by alias. */
  find(name: string): StoredIdentity[];
  /**
   * Per-document names (the span index keys, `attrs.entity`) → the name of the identity they belong
   * to. A key two identities share goes to the more mentioned one. `the` and a name (`the Tories`, a
   * quote's described speaker) maps as the name does.
   */
  names: ReadonlyMap<string, string>;
  /** The identities sharing documents with `record`, most shared documents first, then by name. */
  cooccurring(record: StoredIdentity, limit: number): { name: string; type: string; documents: number }[];
}

/** The identity name a user's name stands for (canonical name or alias; the most mentioned if several), else the name itself. */
export function canonicalName(index: IdentityIndex | undefined, name: string): string {
  let best: StoredIdentity | undefined;
  for (const record of index?.find(name) ?? []) if (!best || record.mentions > best.mentions) best = record;
  return best?.name ?? name;
}

const fold = (name: string) => straightenApostrophes(name).toLowerCase();

export function indexIdentities(state: IdentityState): IdentityIndex {
  const { records } = state;
  const byName = new Map<string, StoredIdentity[]>();
  const byAlias = new Map<string, StoredIdentity[]>();
  const push = (map: Map<string, StoredIdentity[]>, key: string, record: StoredIdentity) => {
    const list = map.get(key);
    if (!list) map.set(key, [record]);
    else if (list[list.length - 1] !== record) list.push(record);
  };
  // Documents as small integers, so counting shared documents never hashes a 64-character id.
  const documentNumbers = new Map<string, number>();
  const identitiesIn: number[][] = [];
  const documentsOf = records.map((record, index) => {
    push(byName, fold(record.name), record);
    for (const alias of record.aliases) push(byAlias, fold(alias), record);
    const numbers = new Set<number>();
    for (const doc of record.documents) {
      let number = documentNumbers.get(doc);
      if (number === undefined) {
        number = identitiesIn.length;
        documentNumbers.set(doc, number);
        identitiesIn.push([]);
      }
      if (!numbers.has(number)) (identitiesIn[number] as number[]).push(index);
      numbers.add(number);
    }
    return Int32Array.from(numbers);
  });
  const names = new Map<string, string>();
  for (const record of [...records].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))) {
    for (const key of record.keys) if (!names.has(key)) names.set(key, record.name);
  }
  // A speaker described as `the` and a name (`the Tories said`, `the BBC reported`) is that name's.
  for (const [key, name] of [...names]) {
    if (/^\p{Lu}/u.test(key) && !names.has(`the ${key}`)) names.set(`the ${key}`, name);
  }
  const indexOf = new Map(records.map((record, index) => [record, index]));
  return {
    state,
    names,
    find: (name) => [...(byName.get(fold(name)) ?? byAlias.get(fold(name)) ?? [])],
    cooccurring(record, limit) {
      const own = indexOf.get(record);
      if (own === undefined) return [];
      const shared = new Int32Array(records.length);
      const found: number[] = [];
      for (const number of documentsOf[own] as Int32Array) {
        for (const other of identitiesIn[number] as number[]) {
          if (other === own) continue;
          if (shared[other] === 0) found.push(other);
          shared[other] = (shared[other] as number) + 1;
        }
      }
      return found
        .map((index) => {
          const other = records[index] as StoredIdentity;
          return { name: other.name, type: other.type, documents: shared[index] as number };
        })
        .sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name))
        .slice(0, limit);
    },
  };
}
