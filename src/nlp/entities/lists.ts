/** The curated name lists: the shared countries gazetteer and the project's own `data/entities/names.tsv`. */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedeError } from '../../errors.js';
import { readJsonlGz } from '../../eval/read-jsonl-gz.js';
import type { NameList } from './gazetteer.js';

interface CountryRecord {
  name: string;
  official: string;
  aliases: string[];
  demonyms: string[];
  capital: string[];
}

/** Countries and capitals as LOC, demonyms (and their plurals) as MISC, as CoNLL labels them. */
export function loadCountryLists(gazetteerDir: string): NameList[] {
  const path = join(gazetteerDir, 'countries', 'country_aliases.jsonl.gz');
  if (!existsSync(path)) throw new LedeError('DATA_MISSING', `countries gazetteer not found at ${path}`);
  const records = readJsonlGz<CountryRecord>(path);
  const latin = (name: string) => /^[\p{Script=Latin}\s.'’-]+$/u.test(name);
  const places = new Set<string>();
  const demonyms = new Set<string>();
  for (const record of records) {
    for (const name of [record.name, record.official, ...record.aliases, ...record.capital]) {
      if (latin(name)) places.add(name);
    }
    for (const demonym of record.demonyms) {
      demonyms.add(demonym);
      if (!demonym.endsWith('s') && !demonym.endsWith('ese')) demonyms.add(`${demonym}s`);
    }
  }
  return [
    { label: 'LOC', names: [...places].sort() },
    { label: 'MISC', names: [...demonyms].sort() },
  ];
}

/** `LABEL<TAB>name` lines; `#` starts a comment. */
export function loadNameTable(path: string): NameList[] {
  const byLabel = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [label, name] = line.split('\t');
    if (!label || !name) continue;
    const names = byLabel.get(label) ?? [];
    names.push(name.trim());
    byLabel.set(label, names);
  }
  return [...byLabel].map(([label, names]) => ({ label, names }));
}

/** One name per line under one label (`given-names.txt` → FIRST); `#` starts a comment. */
export function loadNameLines(path: string, label: string): NameList[] {
  const names = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return [{ label, names: [...new Set(names)] }];
}

/** The lines of a one-name-per-line file. */
export function readNameLines(path: string): string[] {
  return [...new Set(loadNameLines(path, '')[0]?.names ?? [])] as string[];
}
