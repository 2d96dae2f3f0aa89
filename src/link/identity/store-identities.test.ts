import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../../eval/gold.js';
import { ingestInputs, reprocessDocuments } from '../../pipeline/index.js';
import { SEEDS_DIR } from '../../resources/index.js';
import { openSqliteStore, type Store } from '../../store/index.js';
import { findRecords } from './curation.js';
import { indexIdentities } from './identity-index.js';
import { describeEntity } from './query.js';
import { compactEvidence, curateIdentities, loadIdentities, rebuildIdentities } from './store-identities.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-identities-'));
  store = openSqliteStore(join(dir, 'lede.sqlite'));
  const summary = await ingestInputs(
    store,
    seedFiles().map((file) => join(SEEDS_DIR, file)),
    { context: { maxDocumentBytes: 1e7 }, workers: 0 },
  );
  expect(summary.ingested).toBe(5);
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const one = async (name: string) => {
  const found = findRecords((await loadIdentities(store))?.records ?? [], name);
  expect(found).toHaveLength(1);
  return found[0] as NonNullable<(typeof found)[0]>;
};

describe('identities kept in the store', () => {
  it('are absent until built, then saved for later readers', async () => {
    expect(await loadIdentities(store)).toBeUndefined();
    const built = await rebuildIdentities(store);
    expect(built.documents).toBe(5);
    expect(await loadIdentities(store)).toEqual(built);
  });

  it('give Kaabi and Al-Kaabi to Akram al-Kaabi across documents, with his roles and store document ids', async () => {
    const kaabi = await one('Kaabi');
    expect(kaabi.name).toBe('Akram al-Kaabi');
    expect(kaabi.type).toBe('PERSON');
    expect(kaabi.aliases).toEqual(expect.arrayContaining(['Kaabi', 'Al-Kaabi']));
    expect((await one('Al-Kaabi')).id).toBe(kaabi.id);
    expect(kaabi.documents.length).toBeGreaterThanOrEqual(2);
    for (const id of kaabi.documents) expect((await store.getDocument(id))?.text).toMatch(/Kaabi/);
    expect(kaabi.roles.join(' | ')).toMatch(/secretary.general/i);
    expect(kaabi.surfaceForms.map((form) => form.value)).toEqual(expect.arrayContaining(['Kaabi', 'Al-Kaabi']));
    expect(kaabi.mentions).toBe(kaabi.surfaceForms.reduce((sum, form) => sum + form.count, 0));
    expect(kaabi.evidence.length).toBeGreaterThan(0);
  });

  it('take a place named only in a caption, a country named only by its demonym, and a facility by its short form', async () => {
    const anbar = await one('Anbar');
    expect(anbar.type).toBe('LOC');
    expect(anbar.fieldDocuments).toEqual(anbar.documents);
    expect((await store.getDocument(anbar.documents[0] as string))?.meta.captions.join(' ')).toMatch(
      /province of Anbar/,
    );
    const israel = await one('Israel');
    expect(israel.type).toBe('LOC');
    expect(israel.surfaceForms.map((form) => form.value)).toEqual(['Israeli']);
    expect(israel.evidence.map((evidence) => evidence.rule)).toEqual(['demonym']);
    expect(israel.fieldDocuments).toBeUndefined();
    const base = await one('al-Assad');
    expect(base.name).toBe('Ain al-Assad airbase');
    expect(base.type).toBe('LOC');
    expect(base.evidence.map((evidence) => evidence.rule)).toContain('facility');
  });

  it('refuse a decision that names no entity, storing nothing', async () => {
    const outcome = await curateIdentities(store, { kind: 'merge', into: 'Nobody At All', from: 'Akram al-Kaabi' });
    expect(outcome).toEqual({ applied: false, reason: 'no entity named "Nobody At All"' });
    expect(await store.listCuration()).toHaveLength(0);
  });

  it('keep a merge decision through reprocessing every document', async () => {
    const before = await one('Qassem Soleimani');
    const quds = await one('Quds Force');
    expect(quds.id).not.toBe(before.id);
    const outcome = await curateIdentities(store, {
      kind: 'merge',
      into: 'Qassem Soleimani',
      from: 'Quds Force',
      note: 'test',
    });
    expect(outcome.applied).toBe(true);
    expect((await one('Quds Force')).id).toBe(before.id);

    const { seen } = await reprocessDocuments(store, { all: true, workers: 0 });
    expect(seen).toBe(5);
    expect(await store.listCuration()).toHaveLength(1);
    const rebuilt = await rebuildIdentities(store);
    expect(rebuilt.unapplied).toEqual([]);
    const merged = await one('Quds Force');
    expect(merged.name).toBe('Qassem Soleimani');
    expect(merged.mentions).toBe(before.mentions + quds.mentions);
    expect(merged.evidence.map((evidence) => evidence.detail)).toContain(
      'curator merged "Quds Force" into "Qassem Soleimani" (test)',
    );
  }, 60_000);
});

describe('the identity index', () => {
  it('finds what findRecords finds and counts shared documents as a scan of every record would', async () => {
    const state = (await loadIdentities(store)) ?? (await rebuildIdentities(store));
    const index = indexIdentities(state);
    const names = state.records.flatMap((record) => [record.name, ...record.aliases, record.name.toUpperCase()]);
    for (const name of [...names, 'nobody at all']) expect(index.find(name)).toEqual(findRecords(state.records, name));
    for (const record of state.records) {
      const scanned = describeEntity(state.records, record.name).find((detail) => detail.record === record);
      expect(index.cooccurring(record, 12)).toEqual(
        scanned?.cooccurring
          .slice(0, 12)
          .map(({ sharedDocuments, ...other }) => ({ ...other, documents: sharedDocuments })),
      );
    }
    const soleimani = await one('Qassem Soleimani');
    for (const key of soleimani.keys) expect(index.names.get(key)).toBeDefined();
    expect(soleimani.keys.some((key) => index.names.get(key) === soleimani.name)).toBe(true);
    // A speaker written `the` and a name (`the PMU said`) is the name's identity; a key of its own wins.
    for (const key of soleimani.keys) expect(index.names.get(`the ${key}`)).toBe(index.names.get(key));
    expect(index.names.get('the qassem soleimani')).toBeUndefined();
  }, 60_000);
});

describe('compactEvidence', () => {
  it('turns same-name joins into one line per name with its document count and caps other rules', async () => {
    const sameName = ['b', 'c', 'd'].map((doc) => ({
      rule: 'same-name' as const,
      detail: `"United States" (LOC) in a and ${doc}`,
    }));
    const surnames = Array.from({ length: 22 }, (_, i) => ({ rule: 'surname' as const, detail: `surname ${i}` }));
    const compact = compactEvidence([...sameName, ...surnames]);
    expect(compact[0]).toEqual({ rule: 'same-name', detail: '"United States" (LOC) in 4 documents' });
    expect(compact.filter((item) => item.rule === 'surname')).toHaveLength(21);
    expect(compact.at(-1)).toEqual({ rule: 'surname', detail: 'and 2 more like these' });
  });

  it('turns demonym lines into one line per demonym with its document count', async () => {
    const demonym = (doc: string) => ({
      rule: 'demonym' as const,
      detail: `"Iraqi" (MISC) names the people of Iraq, in ${doc}`,
    });
    expect(compactEvidence([demonym('a'), demonym('b'), demonym('b')])).toEqual([
      { rule: 'demonym', detail: '"Iraqi" (MISC) names the people of Iraq, in 2 documents' },
    ]);
    expect(compactEvidence([demonym('a')])).toEqual([
      { rule: 'demonym', detail: '"Iraqi" (MISC) names the people of Iraq, in 1 document' },
    ]);
  });
});
