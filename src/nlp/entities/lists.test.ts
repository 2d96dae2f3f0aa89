import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemonymFile, readDemonyms } from './lists.js';
import { DEMONYMS_PATH } from './paths.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-demonyms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const country = (name: string, demonyms: string[], sovereign: boolean, aliases: string[] = []) => ({
  name,
  official: `Republic of ${name}`,
  aliases: [name, `Republic of ${name}`, ...aliases],
  demonyms,
  capital: [],
  unMember: sovereign,
  independent: sovereign,
});

function gazetteer(records: object[]): string {
  mkdirSync(join(dir, 'countries'), { recursive: true });
  writeFileSync(
    join(dir, 'countries', 'country_aliases.jsonl.gz'),
    gzipSync(records.map((record) => JSON.stringify(record)).join('\n')),
  );
  return dir;
}

describe('buildDemonymFile', () => {
  const file = buildDemonymFile(
    gazetteer([
      country('Iraq', ['Iraqi'], true, ['العراق']),
      country('United States', ['American'], true),
      country('Northern Mariana Islands', ['American'], false),
      country('Congo', ['Congolese'], true),
      country('DR Congo', ['Congolese'], true),
      country('Switzerland', ['Swiss'], true),
    ]),
  );
  const owner = (demonym: string) => file.countries.find((entry) => entry.demonyms.includes(demonym))?.name;

  it("gives each demonym and its plural to its country, with the country's Latin-script names", () => {
    expect(owner('Iraqi')).toBe('Iraq');
    expect(owner('Iraqis')).toBe('Iraq');
    expect(owner('Swiss')).toBe('Switzerland');
    expect(owner('Swisss')).toBeUndefined();
    expect(file.countries.find((entry) => entry.name === 'Iraq')?.names).toEqual(['Republic of Iraq']);
  });

  it('gives a shared demonym to the one sovereign state among its countries, or to none', () => {
    expect(owner('American')).toBe('United States');
    expect(owner('Congolese')).toBeUndefined();
  });
});

describe('readDemonyms', () => {
  it('reads the shipped table', () => {
    const table = readDemonyms(DEMONYMS_PATH);
    expect(table.get('Israeli')?.name).toBe('Israel');
    expect(table.get('Americans')?.name).toBe('United States');
  });

  it('names the command that makes a missing table', () => {
    expect(() => readDemonyms(join(dir, 'none.json'))).toThrow(/lede train demonyms/);
  });
});
