/** The curated name lists: the shared countries gazetteer and the project's own `data/entities/names.tsv`. */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedeError } from '../../errors.js';
import { readJsonlGz } from '../../resources/index.js';
import type { NameList } from './gazetteer.js';
import { DEMONYMS_PATH } from './paths.js';

interface CountryRecord {
  name: string;
  official: string;
  aliases: string[];
  demonyms: string[];
  capital: string[];
  unMember?: boolean;
  independent?: boolean;
}

function readCountries(gazetteerDir: string): CountryRecord[] {
  const path = join(gazetteerDir, 'countries', 'country_aliases.jsonl.gz');
  if (!existsSync(path)) throw new LedeError('DATA_MISSING', `countries gazetteer not found at ${path}`);
  return readJsonlGz<CountryRecord>(path);
}

const isLatin = (name: string) => /^[\p{Script=Latin}\s.'’-]+$/u.test(name);

/** Countries and capitals as LOC, demonyms (and their plurals) as MISC, as CoNLL labels them. */
export function loadCountryLists(gazetteerDir: string): NameList[] {
  const records = readCountries(gazetteerDir);
  const latin = isLatin;
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

/** `models/demonyms.json`: which country each demonym names, derived from the countries gazetteer. */
export interface DemonymFile {
  format: 'lede-demonyms';
  version: 1;
  source: string;
  countries: { name: string; names: string[]; demonyms: string[] }[];
}

/**
 * Demonyms and their plurals (`Iraqi`, `Iraqis`), each given to one country. A demonym the gazetteer
 * gives to several goes to the one sovereign UN member among them (`American`: the United States, not
 * the Northern Mariana Islands), or to none when that does not single one out (`Congolese`).
 */
export function buildDemonymFile(gazetteerDir: string): DemonymFile {
  const records = readCountries(gazetteerDir);
  const claimants = new Map<string, CountryRecord[]>();
  for (const record of records) {
    for (const demonym of record.demonyms) {
      for (const form of [demonym, ...(/(?:s|sh|ch|x|z|ese)$/.test(demonym) ? [] : [`${demonym}s`])]) {
        claimants.set(form, [...(claimants.get(form) ?? []), record]);
      }
    }
  }
  const byCountry = new Map<CountryRecord, string[]>();
  for (const [demonym, countries] of claimants) {
    const sovereign = countries.filter((country) => country.unMember && country.independent);
    const owner = countries.length === 1 ? countries[0] : sovereign.length === 1 ? sovereign[0] : undefined;
    if (owner) byCountry.set(owner, [...(byCountry.get(owner) ?? []), demonym]);
  }
  return {
    format: 'lede-demonyms',
    version: 1,
    source: 'mledoze/countries (ODbL 1.0), via ../shared/data/gazetteers/countries',
    countries: [...byCountry]
      .map(([record, demonyms]) => ({
        name: record.name,
        names: [
          ...new Set([record.official, ...record.aliases].filter((name) => isLatin(name) && name !== record.name)),
        ],
        demonyms: demonyms.sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Demonym as written → its country, from `models/demonyms.json`. */
export function readDemonyms(path = DEMONYMS_PATH): Map<string, { name: string; names: readonly string[] }> {
  const table = new Map<string, { name: string; names: readonly string[] }>();
  let file: DemonymFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as DemonymFile;
  } catch (error) {
    throw new LedeError('MODEL_MISSING', `cannot read the demonym table ${path}; run \`lede train demonyms\``, {
      cause: error,
    });
  }
  if (file.format !== 'lede-demonyms') throw new LedeError('MODEL_MISSING', `${path} is not a demonym table`);
  for (const { name, names, demonyms } of file.countries) {
    const country = { name, names };
    for (const demonym of demonyms) table.set(demonym, country);
  }
  return table;
}
