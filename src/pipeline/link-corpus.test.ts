import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../eval/gold.js';
import { DUPLICATES_STATE, STORIES_STATE, type StoredStory } from '../link/index.js';
import type { Doc } from '../model/index.js';
import { describeStory } from '../query/index.js';
import { fromAsync, openSqliteStore, type Store } from '../store/index.js';
import { ingestInputs } from './ingest.js';
import { type LinkProgress, linkCorpus } from './link-corpus.js';
import { placedLinks } from './test-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-link-'));
let store: Store;

beforeAll(async () => {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const file of seedFiles()) writeFileSync(join(seeds, file), readSeed(file));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  await ingestInputs(store, [seeds], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('linkCorpus on the seed articles', () => {
  it('finds 000 and 001 as two versions of one article, and one story, and gives 001 the date of 000', async () => {
    const summary = await linkCorpus(store);
    expect(summary).toMatchObject({ documents: 5, duplicateGroups: 1, datesInherited: 1 });
    const [group] = (await store.getCorpusState(DUPLICATES_STATE)) ?? [];
    const uris = [];
    for (const id of group?.memberIds ?? []) uris.push((await store.getDocument(id))?.source.uri.split('/').pop());
    expect(uris).toEqual(['000_20713fa631250657.txt', '001_1f90d4b830eb7ee1.txt']);
    const copy = await store.getDocument(group?.memberIds[1] as string);
    expect(copy?.meta.published).toMatchObject({ value: '2023-02-13T11:41', estimated: true });
    expect(copy?.meta.published?.evidence?.[0]).toMatch(/near-duplicate of/);

    const stories = (await store.getCorpusState(STORIES_STATE)) ?? [];
    const together = stories.find((story) => story.memberIds.length === 2);
    expect(together?.memberIds.sort()).toEqual([...(group?.memberIds ?? [])].sort());
    expect(stories).toHaveLength(4);
  });

  it('collapses the two versions in search, and describes the story with a diff of its versions', async () => {
    await linkCorpus(store);
    const hits = (await store.search({ text: 'friendship America' })).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]?.copies).toBe(1);
    const detail = await describeStory(store, hits[0]?.id as string);
    expect(detail?.members).toHaveLength(2);
    expect(detail?.versions).toHaveLength(1);
    expect(detail?.versions[0]?.diff.counts).toMatchObject({ added: 2, changed: 2 });
  });
});

describe('linkCorpus run after run', () => {
  const incremental = join(dir, 'incremental');
  let later: Store;
  const storyOf = async (store: Store, file: string) => {
    const doc = (await fromAsync(store.iterateDocuments())).find((candidate) => candidate.source.uri.endsWith(file));
    return (await store.getDocLink(doc?.id as string))?.story;
  };
  const ingestSeeds = async (store: Store, files: string[]) => {
    const folder = mkdtempSync(join(incremental, 'batch-'));
    for (const file of files) writeFileSync(join(folder, file), readSeed(file));
    await ingestInputs(store, [folder], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
  };

  beforeAll(async () => {
    mkdirSync(incremental);
    later = openSqliteStore(join(incremental, 'db.sqlite'));
  });
  afterAll(() => later.close());

  it('keeps earlier stories and their ids, and puts a later version of an article into its story', async () => {
    const [first, second, ...rest] = seedFiles();
    const earlierFiles = [first as string, ...rest];
    await ingestSeeds(later, earlierFiles);
    expect(await linkCorpus(later)).toMatchObject({ documents: 4, linked: 4, rebuilt: true, duplicateGroups: 0 });
    const before = new Map<string, string | undefined>();
    for (const file of earlierFiles) before.set(file, await storyOf(later, file));
    expect(new Set(before.values()).size).toBe(4);

    await ingestSeeds(later, [second as string]);
    const summary = await linkCorpus(later);
    expect(summary).toMatchObject({ documents: 5, linked: 1, rebuilt: false, duplicateGroups: 1, stories: 4 });
    for (const file of earlierFiles) expect(await storyOf(later, file)).toBe(before.get(file));
    // 001 is a re-scrape of 000 (gold: same story): it joins that story, which keeps its id.
    expect(await storyOf(later, second as string)).toBe(before.get(first as string));
    const [group] = (await later.getCorpusState(DUPLICATES_STATE)) ?? [];
    expect(group?.memberIds).toHaveLength(2);
    expect(
      (await later.getCorpusState(STORIES_STATE))?.find((story) => story.id === before.get(first as string)),
    ).toMatchObject({ memberIds: group?.memberIds });
  });

  it('keeps a stored decision a fresh run would not make, until asked to rebuild', async () => {
    // Move 003 into the story of 002 by hand, as an earlier run could have decided on less evidence.
    const stories = (await later.getCorpusState(STORIES_STATE)) ?? [];
    const [, , third, fourth] = seedFiles();
    const fourthStory = await storyOf(later, fourth as string);
    const thirdStory = await storyOf(later, third as string);
    const from = stories.find((story) => story.id === fourthStory) as StoredStory;
    const into = stories.find((story) => story.id === thirdStory) as StoredStory;
    into.memberIds.push(...from.memberIds);
    await later.putCorpusState(
      STORIES_STATE,
      stories.filter((story) => story !== from),
    );
    const kept = await linkCorpus(later);
    expect(kept).toMatchObject({ linked: 0, stories: 3 });
    expect(await storyOf(later, fourth as string)).toBe(into.id);
    // The kept story index followed the stories written by another hand, as it was filled afresh.
    expect(await later.keptIndexes.storyMembers(Number(into.id.replace('story-', '')))).toHaveLength(
      into.memberIds.length,
    );

    const rebuilt = await linkCorpus(later, [], { rebuild: true });
    expect(rebuilt).toMatchObject({ linked: 5, rebuilt: true, stories: 4, duplicateGroups: 1 });
    expect(await storyOf(later, fourth as string)).not.toBe(await storyOf(later, third as string));
  });
});

describe('linkCorpus on a store from before the kept indexes', () => {
  it('fills them from the kept features on its next run and leaves its links as they were', async () => {
    const folder = join(dir, 'before-kept');
    mkdirSync(folder);
    for (const file of seedFiles()) writeFileSync(join(folder, file), readSeed(file));
    const path = join(folder, 'db.sqlite');
    const placed = placedLinks;
    const first = openSqliteStore(path);
    await ingestInputs(first, [folder], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
    await linkCorpus(first);
    const before = await placed(first);
    await first.close();
    // Roll the file back to schema 11, as a store linked before the kept indexes existed.
    const db = new Database(path);
    db.exec(`DROP TABLE story_terms; DROP TABLE story_df; DROP TABLE story_members; DROP TABLE version_keys;
      DROP TABLE version_exact; DELETE FROM corpus_state WHERE name = 'kept-indexes';`);
    db.pragma('user_version = 11');
    db.close();

    const reopened = openSqliteStore(path);
    expect(await reopened.keptIndexes.storyDocuments()).toBe(0);
    expect(await linkCorpus(reopened)).toMatchObject({ documents: 5, linked: 0, rebuilt: false });
    expect(await placed(reopened)).toEqual(before);
    expect(await reopened.keptIndexes.storyDocuments()).toBe(5);
    expect(await reopened.keptIndexes.versionDocuments()).toBe(5);
    await reopened.close();
  });
});

describe('linkCorpus and the link-needed mark', () => {
  it('keeps nothing of a run that fails part-way and leaves the mark, which the next run clears', async () => {
    const folder = join(dir, 'crash');
    mkdirSync(folder);
    for (const file of seedFiles()) writeFileSync(join(folder, file), readSeed(file));
    const crashed = openSqliteStore(join(folder, 'db.sqlite'));
    await ingestInputs(crashed, [folder], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
    expect(await crashed.pendingLink()).toMatchObject({ rebuild: false });

    const failingStep = {
      name: 'failing',
      run: () => {
        throw new Error('killed during the corpus steps');
      },
    };
    const reported: LinkProgress[] = [];
    await expect(linkCorpus(crashed, [failingStep], { onProgress: (p) => reported.push(p) })).rejects.toThrow(
      'killed during the corpus steps',
    );
    // Placing counts documents up to all five, then the step that failed started and never finished.
    expect(reported[0]).toEqual({ step: 'versions and stories', done: 0, total: 5 });
    expect(reported.find((p) => p.seconds !== undefined)).toMatchObject({
      step: 'versions and stories',
      done: 5,
      total: 5,
    });
    expect(reported.at(-1)).toEqual({ step: 'failing' });
    expect(await crashed.pendingLink()).toBeDefined();
    expect(await crashed.getCorpusState(STORIES_STATE)).toBeUndefined();
    expect((await crashed.getDocLink((await crashed.listDocuments({}))[0]?.id as string))?.story).toBeUndefined();

    expect(await linkCorpus(crashed)).toMatchObject({ documents: 5, linked: 5, duplicateGroups: 1, stories: 4 });
    expect(await crashed.pendingLink()).toBeUndefined();
    await crashed.close();
  });

  it('links afresh when documents were rewritten since, as after a crash during reprocessing', async () => {
    await linkCorpus(store);
    expect(await store.pendingLink()).toBeUndefined();
    await store.replaceDocument((await fromAsync(store.iterateDocuments()))[0] as Doc);
    expect(await store.pendingLink()).toMatchObject({ rebuild: true });
    expect(await linkCorpus(store)).toMatchObject({ rebuilt: true, linked: 5 });
    expect(await store.pendingLink()).toBeUndefined();
  });
});
