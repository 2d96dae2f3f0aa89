import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../eval/gold.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { ingestInputs } from './ingest.js';
import { linkCorpus, type StoredDuplicateGroup, type StoredStory } from './link-corpus.js';
import { describeStory } from './story-detail.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-link-'));
let store: Store;

beforeAll(async () => {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const file of seedFiles()) writeFileSync(join(seeds, file), readSeed(file));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  await ingestInputs(store, [seeds], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('linkCorpus on the seed articles', () => {
  it('finds 000 and 001 as two versions of one article, and one story, and gives 001 the date of 000', async () => {
    const summary = await linkCorpus(store);
    expect(summary).toMatchObject({ documents: 5, duplicateGroups: 1, datesInherited: 1 });
    const [group] = store.getCorpusState<StoredDuplicateGroup[]>('duplicates') ?? [];
    const uris = group?.memberIds.map((id) => store.getDocument(id)?.source.uri.split('/').pop());
    expect(uris).toEqual(['000_20713fa631250657.txt', '001_1f90d4b830eb7ee1.txt']);
    const copy = store.getDocument(group?.memberIds[1] as string);
    expect(copy?.meta.published).toMatchObject({ value: '2023-02-13T11:41', estimated: true });
    expect(copy?.meta.published?.evidence?.[0]).toMatch(/near-duplicate of/);

    const stories = store.getCorpusState<StoredStory[]>('stories') ?? [];
    const together = stories.find((story) => story.memberIds.length === 2);
    expect(together?.memberIds.sort()).toEqual([...(group?.memberIds ?? [])].sort());
    expect(stories).toHaveLength(4);
  });

  it('collapses the two versions in search, and describes the story with a diff of its versions', async () => {
    await linkCorpus(store);
    const hits = store.search({ text: 'friendship America' }).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]?.copies).toBe(1);
    const detail = describeStory(store, hits[0]?.id as string);
    expect(detail?.members).toHaveLength(2);
    expect(detail?.versions).toHaveLength(1);
    expect(detail?.versions[0]?.diff.counts).toMatchObject({ added: 2, changed: 2 });
  });
});
