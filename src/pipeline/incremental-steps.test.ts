import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIMS_STATE,
  computeClaims,
  computeStatements,
  computeTimeline,
  corpusFacts,
  STATEMENTS_STATE,
  TIMELINE_STATE,
} from '../link/index.js';
import { defineDocFacts } from '../model/index.js';
import { PROJECT_ROOT } from '../resources/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { CORPUS_STEPS } from './corpus-steps.js';
import { ingestInputs } from './ingest.js';
import { linkCorpus } from './link-corpus.js';
import { placedLinks } from './test-helpers.js';

const corpus = join(PROJECT_ROOT, 'examples', 'corpus');
const dir = mkdtempSync(join(tmpdir(), 'lede-incremental-'));
let store: Store;
/** The same batches linked with no kept indexes: every earlier document restored, as before they were kept. */
let restoredStore: Store;

/** The demo corpus's files in three batches, each ingested (and linked) in its turn. */
async function ingestBatch(files: readonly string[], name: string): Promise<void> {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const file of files) cpSync(join(corpus, file), join(folder, file));
  for (const into of [store, restoredStore])
    await ingestInputs(into, [folder], { context: { maxDocumentBytes: 1e7 }, workers: 0 });
}

/** A corpus state without the time it was computed at. */
function timeless<T extends object>(state: T | undefined): Omit<T, 'computedAt'> | undefined {
  if (!state) return undefined;
  const { computedAt: _at, ...rest } = state as T & { computedAt?: string };
  return rest;
}

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'db.sqlite'));
  restoredStore = openSqliteStore(join(dir, 'restored.sqlite'));
  const files = readdirSync(corpus)
    .filter((file) => !file.startsWith('.') && file !== 'README.md')
    .sort();
  const third = Math.ceil(files.length / 3);
  for (let batch = 0; batch < 3; batch++) {
    await ingestBatch(files.slice(batch * third, (batch + 1) * third), `batch-${batch}`);
    await linkCorpus(store, CORPUS_STEPS);
    await restoredStore.keptIndexes.clear();
    await linkCorpus(restoredStore);
  }
}, 360_000);
afterAll(async () => {
  await store.close();
  await restoredStore.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corpus steps linked batch after batch', () => {
  it('give the same statements, claims and timeline as reading every document afresh', async () => {
    const incremental = {
      statements: timeless(await store.getCorpusState(STATEMENTS_STATE)),
      claims: timeless(await store.getCorpusState(CLAIMS_STATE)),
      timeline: timeless(await store.getCorpusState(TIMELINE_STATE)),
    };
    expect(incremental.claims?.claims.length).toBeGreaterThan(0);
    expect(incremental.statements?.statements.length).toBeGreaterThan(0);
    expect(incremental.timeline?.entries.length).toBeGreaterThan(0);

    await store.clearDocFacts();
    const afresh = {
      statements: timeless(await computeStatements(store)),
      claims: timeless(await computeClaims(store)),
      timeline: timeless(await computeTimeline(store)),
    };
    expect(afresh).toEqual(incremental);
  });
});

describe('placing linked batch after batch', () => {
  it('puts earlier documents back from their kept features as from their text, and counts names as afresh', async () => {
    const placed = () => placedLinks(store);
    const fromFeatures = await placed();
    expect(fromFeatures.versions?.length).toBeGreaterThan(0);
    expect(fromFeatures.stories?.some((story) => story.memberIds.length > 2)).toBe(true);
    // Names were counted only for the stories each batch changed: the same as counting all afresh.
    const names = async () => {
      const counted = [];
      for (const story of fromFeatures.stories ?? []) counted.push(await store.storyEntities(story.id, 30));
      return counted;
    };
    const counted = await names();
    expect(counted?.some((entities) => entities.length > 0)).toBe(true);
    await store.putDocLinks(
      fromFeatures.links.flatMap((link) => (link ? [link] : [])),
      { recountAll: true },
    );
    expect(await names()).toEqual(counted);
    await store.clearDocFacts();
    await linkCorpus(store);
    expect(await placed()).toEqual(fromFeatures);
    await linkCorpus(store);
    expect(await placed()).toEqual(fromFeatures);
  });
});

describe('kept indexes', () => {
  it('place each batch as restoring every earlier document from its features does', async () => {
    const placed = placedLinks;
    const kept = await placed(store);
    expect(kept.stories?.some((story) => story.memberIds.length > 2)).toBe(true);
    expect(kept.versions?.length).toBeGreaterThan(0);
    expect(await placed(restoredStore)).toEqual(kept);
    expect(await store.keptIndexes.storyDocuments()).toBe(await store.countDocuments());
    expect(await store.keptIndexes.versionDocuments()).toBe(await store.countDocuments());
  });
});

describe('corpusFacts', () => {
  const PROBE = defineDocFacts<{ words: number; name: string }>('probe', 1);
  const reader = {
    read: (doc: { text: string }, name: string) => ({ words: doc.text.split(/\s+/).length, name }),
    rename: (facts: { words: number; name: string }, name: string) => ({ ...facts, name }),
  };

  it('reads a document once, then only what is new or rewritten, and everything again for a newer reader', async () => {
    const documents = await store.countDocuments();
    const first = await corpusFacts(store, PROBE, reader);
    expect(first.read).toBe(documents);
    expect(first.documents.every(({ ref, facts }) => facts.name === ref.name)).toBe(true);

    const again = await corpusFacts(store, PROBE, reader);
    expect(again.read).toBe(0);
    const kept = ({ ref, facts }: { ref: unknown; facts: unknown }) => ({ ref, facts });
    expect(again.documents.map(kept)).toEqual(first.documents.map(kept));

    const [one] = first.documents;
    await store.setPublished(one?.ref.docId as string, { value: '2025-01-02', from: 'test', estimated: false });
    const afterDate = await corpusFacts(store, PROBE, reader);
    expect(afterDate.read).toBe(0);
    expect(afterDate.documents[0]?.ref.published).toBe('2025-01-02');

    await store.putLayers(one?.ref.docId as string, {});
    const afterRewrite = await corpusFacts(store, PROBE, reader);
    expect(afterRewrite.read).toBe(1);
    expect(afterRewrite.documents.filter(({ fresh }) => fresh).map(({ ref }) => ref.docId)).toEqual([one?.ref.docId]);

    expect((await corpusFacts(store, defineDocFacts<{ words: number; name: string }>('probe', 2), reader)).read).toBe(
      documents,
    );
  });
});
