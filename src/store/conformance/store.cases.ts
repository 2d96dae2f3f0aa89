import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { type Doc, defineCorpusState } from '../../model/index.js';
import { fromAsync } from '../from-async.js';
import type { Store } from '../store.js';
import type { StoreBackend } from './backends.js';

function makeDoc(uri: string, content: string, externalId?: string): Doc {
  return cleanRecord({ uri, content, mediaType: 'text/plain', externalId });
}

const ARTICLE_A =
  'News / World\n\nDrone strike near the airport\n\nA drone strike hit a convoy near the airport on Friday.\n\nOfficials said 12 people died.';
const ARTICLE_B =
  'News / Economy\n\nCentral bank holds rates\n\nThe central bank kept rates unchanged, officials said.';

export function storeCases(backend: StoreBackend): void {
  afterEach(() => backend.cleanup());
  describe(`${backend.name}: the store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open('test');
    });

    it('stores a document once however often it is put', async () => {
      const doc = makeDoc('a.txt', ARTICLE_A);
      expect((await store.putDocuments([{ doc }]))[0]?.status).toBe('inserted');
      expect((await store.putDocuments([{ doc }]))[0]?.status).toBe('duplicate');
      expect((await store.stats()).documents).toBe(1);
    });

    it('reads a document back whole, by id, id prefix and external id', async () => {
      const doc = makeDoc('a.jsonl#x1', ARTICLE_A, 'x1');
      await store.putDocuments([{ doc, original: Buffer.from(ARTICLE_A) }]);
      const back = await store.getDocument('x1');
      expect(back?.text).toBe(doc.text);
      expect(back?.meta).toEqual(doc.meta);
      expect((await store.getDocument(doc.id.slice(0, 10)))?.id).toBe(doc.id);
      expect(Buffer.from((await store.getOriginal(doc.id)) ?? []).toString()).toBe(ARTICLE_A);
    });

    it('finds documents by words, phrases and prefixes, with highlighted snippets and facets', async () => {
      await store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE_A) }, { doc: makeDoc('b.txt', ARTICLE_B) }]);
      const words = await store.search({ text: 'convoy airport' });
      expect(words.total).toBe(1);
      expect(words.hits[0]?.snippet.some((piece) => piece.hit && piece.text.toLowerCase() === 'convoy')).toBe(true);
      expect((await store.search({ text: '"central bank"' })).total).toBe(1);
      expect((await store.search({ text: 'offic*' })).total).toBe(2);
      expect((await store.search({ text: 'drone OR bank' })).total).toBe(2);
      expect((await store.search({ text: 'officials', section: 'World' })).total).toBe(1);
      expect((await store.search({ text: 'officials' })).facets.sections).toEqual(
        expect.arrayContaining([
          { value: 'News', count: 2 },
          { value: 'World', count: 1 },
          { value: 'Economy', count: 1 },
        ]),
      );
    });

    it('never lets FTS syntax in a query raise an error', async () => {
      await store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE_A) }]);
      for (const query of ['"unclosed', 'a AND', '(((', 'NEAR(x', '*', '-', 'drone:']) {
        await expect(store.search({ text: query })).resolves.toBeDefined();
      }
    });

    it('rolls a batch back whole when one document cannot be written', async () => {
      const good = makeDoc('a.txt', ARTICLE_A);
      const bad = { ...makeDoc('b.txt', ARTICLE_B), text: undefined as unknown as string };
      await expect(store.putDocuments([{ doc: good }, { doc: bad }])).rejects.toThrow();
      expect((await store.stats()).documents).toBe(0);
    });

    it('learns lines that recur across an outlet’s documents', async () => {
      const footer = 'Read our daily briefing every morning';
      const docs = [1, 2, 3, 4].map((n) => ({
        doc: makeDoc(`${n}.txt`, `Headline ${n}\n\nBody number ${n} says something new.\n\n${footer}`),
      }));
      await store.putDocuments(docs);
      expect((await store.learntBoilerplateByOutlet(4)).get('')?.has(footer)).toBe(true);
      expect((await store.learntBoilerplateByOutlet(5)).get('')).toBeUndefined();
    });

    it('streams every document for export in insertion order', async () => {
      await store.putDocuments([{ doc: makeDoc('a.txt', ARTICLE_A) }, { doc: makeDoc('b.txt', ARTICLE_B) }]);
      expect((await fromAsync(store.iterateDocuments())).map((doc) => doc.source.uri)).toEqual(['a.txt', 'b.txt']);
    });

    it('collapses near-duplicates in search into their best-ranked member, with a count of copies', async () => {
      const copy = makeDoc('a2.txt', `${ARTICLE_A}\n\nUpdated at noon.`);
      const original = makeDoc('a.txt', ARTICLE_A);
      await store.putDocuments([{ doc: original }, { doc: copy }, { doc: makeDoc('b.txt', ARTICLE_B) }]);
      expect((await store.search({ text: 'officials' })).total).toBe(3);
      await store.putDocLinks([
        { id: original.id, duplicateGroup: 'g1', duplicateKind: 'near', story: 's1' },
        { id: copy.id, duplicateGroup: 'g1', duplicateKind: 'near', story: 's1' },
      ]);
      const collapsed = await store.search({ text: 'officials' });
      expect(collapsed.total).toBe(2);
      const leader = collapsed.hits.find((hit) => hit.copies === 1);
      expect([original.id, copy.id]).toContain(leader?.id);
      expect(leader?.copyIds).toEqual([original.id, copy.id].filter((id) => id !== leader?.id));
      expect((await store.search({ text: 'officials', collapse: false })).total).toBe(3);
      expect(await store.membersOf('story', 's1')).toEqual([original.id, copy.id]);
      expect(await store.getDocLink(copy.id)).toEqual({
        id: copy.id,
        duplicateGroup: 'g1',
        duplicateKind: 'near',
        story: 's1',
      });
    });

    it('keeps corpus state and curation decisions as plain JSON', async () => {
      const clustersKey = defineCorpusState<{ version: number; clusters: number[][] }>('stories');
      await store.putCorpusState(clustersKey, { version: 1, clusters: [[1, 2]] });
      await store.putCorpusState(clustersKey, { version: 2, clusters: [[1, 2, 3]] });
      expect(await store.getCorpusState(clustersKey)).toEqual({ version: 2, clusters: [[1, 2, 3]] });
      expect(await store.getCorpusState(defineCorpusState<unknown>('missing'))).toBeUndefined();
      await store.addCuration({ action: 'merge', a: 'Kaabi', b: 'Akram al-Kaabi' });
      await store.addCuration({ action: 'rename', from: 'PMU', to: 'Popular Mobilization Units' });
      expect((await store.listCuration()).map((row) => row.decision)).toEqual([
        { action: 'merge', a: 'Kaabi', b: 'Akram al-Kaabi' },
        { action: 'rename', from: 'PMU', to: 'Popular Mobilization Units' },
      ]);
      // A decision copied from another store keeps the time it was made.
      await store.addCuration({ action: 'split', name: 'PMU' }, '2024-01-02T03:04:05.000Z');
      expect((await store.listCuration()).at(-1)?.at).toBe('2024-01-02T03:04:05.000Z');
    });

    it('lists failed inputs in the order recorded, each at its recorded time', async () => {
      expect(await store.listFailures()).toEqual([]);
      const before = new Date().toISOString();
      await store.recordFailures([
        { uri: 'z.html', reason: 'empty' },
        { uri: 'a.warc', reason: 'not a WARC record' },
      ]);
      // Copied from another store: the time given is kept.
      await store.recordFailures([{ uri: 'm.txt', reason: 'binary', at: '2024-01-02T03:04:05.000Z' }]);
      const failures = await store.listFailures();
      expect(failures.map((failure) => [failure.uri, failure.reason])).toEqual([
        ['z.html', 'empty'],
        ['a.warc', 'not a WARC record'],
        ['m.txt', 'binary'],
      ]);
      expect((failures[0]?.at ?? '') >= before).toBe(true);
      expect(failures[2]?.at).toBe('2024-01-02T03:04:05.000Z');
      expect((await store.stats()).failures).toBe(3);
    });

    it('keeps the ingest time given with a document (a copy from another store), else now', async () => {
      const copied = makeDoc('a.txt', ARTICLE_A);
      const fresh = makeDoc('b.txt', ARTICLE_B);
      const before = new Date().toISOString();
      await store.putDocuments([{ doc: copied, ingestedAt: '2024-01-02T03:04:05.000Z' }, { doc: fresh }]);
      expect((await store.getDocument(copied.id))?.ingestedAt).toBe('2024-01-02T03:04:05.000Z');
      expect(((await store.getDocument(fresh.id))?.ingestedAt ?? '') >= before).toBe(true);
    });
  });
}
