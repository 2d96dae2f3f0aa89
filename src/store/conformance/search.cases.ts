import { afterEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../model/index.js';
import { makeTestDoc, strikeArticles } from '../../server/test-corpus.js';
import type { SearchHit } from '../store.js';
import type { StoreBackend } from './backends.js';

const id = (n: number) => n.toString(16).padStart(64, '0');

const [strike, port, council] = strikeArticles() as [Doc, Doc, Doc];

export function searchCases(backend: StoreBackend): void {
  afterEach(() => backend.cleanup());
  describe(`${backend.name}: the words a prefix expands to`, () => {
    it('are counted from the index, folded and in lower case, up to the bound asked', async () => {
      const store = await backend.open('words');
      await store.putDocuments([{ doc: strike }, { doc: port }, { doc: council }]);
      // strike (three articles) and nothing else starts with "strik"; "st" starts strike, stay.
      expect(await store.wordsStartingWith('strik', 4)).toBe(1);
      expect(await store.wordsStartingWith('st', 4)).toBe(2);
      expect(await store.wordsStartingWith('st', 1)).toBe(1);
      expect(await store.wordsStartingWith('zebra', 4)).toBe(0);
      await store.close();
    });
  });

  describe(`${backend.name}: search facets and filters by what the layers say`, () => {
    it('counts and filters by entity, speaker and the presence of quotes', async () => {
      const store = await backend.open('a');
      await store.putDocuments([{ doc: strike }, { doc: port }, { doc: council }]);
      const page = await store.search({ text: 'strike' });
      expect(page.total).toBe(3);
      expect(page.facets.entities).toEqual([
        { value: 'Dockers Union', count: 2 },
        { value: 'Ana Reyes', count: 1 },
        { value: 'Mara Quill', count: 1 },
        { value: 'Quill', count: 1 },
      ]);
      expect(page.facets.speakers).toEqual([
        { value: 'Ana Reyes', count: 1 },
        { value: 'Mara Quill', count: 1 },
      ]);
      expect(page.facets.hasQuotes).toEqual([
        { value: 'true', count: 2 },
        { value: 'false', count: 1 },
      ]);
      const headlines = (hits: SearchHit[]) => hits.map((hit) => hit.headline).sort();
      expect(headlines((await store.search({ text: 'strike', entity: 'Dockers Union' })).hits)).toEqual([
        'Council backs strike',
        'Strike goes on',
      ]);
      expect(headlines((await store.search({ text: 'strike', speaker: 'Ana Reyes' })).hits)).toEqual([
        'Council backs strike',
      ]);
      expect(headlines((await store.search({ text: 'strike', hasQuotes: false })).hits)).toEqual([
        'Port answers strike',
      ]);
      expect((await store.search({ text: 'strike', entity: 'Dockers Union', outlet: 'Coast Daily' })).total).toBe(1);
      expect((await store.search({ text: 'strike', entity: 'Nobody' })).total).toBe(0);
      await store.close();
    });

    it('speaks of corpus names when given the names per-document names belong to', async () => {
      const store = await backend.open('a');
      await store.putDocuments([{ doc: strike }, { doc: port }, { doc: council }]);
      const names = new Map([
        ['Quill', 'Mara Quill'],
        ['Mara Quill', 'Mara Quill'],
      ]);
      const page = await store.search({ text: 'strike', names });
      expect(page.facets.entities).toContainEqual({ value: 'Mara Quill', count: 2 });
      expect(page.facets.entities.map((facet) => facet.value)).not.toContain('Quill');
      const filtered = await store.search({ text: 'strike', entity: 'Mara Quill', names });
      expect(filtered.hits.map((hit) => hit.headline).sort()).toEqual(['Port answers strike', 'Strike goes on']);
      await store.close();
    });

    it('counts a near-duplicate group once under each value of its members, as its filter would', async () => {
      const store = await backend.open('a');
      const copy = makeTestDoc(id(4), `${strike.text} Updated.`, { headline: 'Strike goes on', outlet: 'Coast Daily' });
      await store.putDocuments([{ doc: strike }, { doc: port }, { doc: copy }]);
      await store.putDocLinks([
        { id: strike.id, duplicateGroup: 'g1', duplicateKind: 'near' },
        { id: copy.id, duplicateGroup: 'g1', duplicateKind: 'near' },
      ]);
      const page = await store.search({ text: 'strike' });
      expect(page.total).toBe(2);
      for (const { value, count } of page.facets.outlets) {
        expect((await store.search({ text: 'strike', outlet: value })).total).toBe(count);
      }
      expect(page.facets.outlets).toEqual([
        { value: 'Coast Daily', count: 2 },
        { value: 'Harbour Post', count: 1 },
      ]);
      const leader = page.hits.find((hit) => hit.copies === 1);
      expect(leader?.copyIds).toEqual([strike.id, copy.id].filter((other) => other !== leader?.id));
      await store.close();
    });

    it('ranks and pages past filtered and collapsed matches exactly as a full sort would', async () => {
      const store = await backend.open('a');
      // The more often "tide" occurs, the better the rank; the outlet filter keeps the worst-ranked third.
      const docs = Array.from({ length: 90 }, (_, n) =>
        makeTestDoc(id(100 + n), `${'tide '.repeat(1 + (n % 30))}and the sea wall ${n}.`, {
          headline: `Tide report ${n}`,
          outlet: n % 30 < 10 ? 'Tide Gazette' : 'Coast Daily',
        }),
      );
      await store.putDocuments(docs.map((doc) => ({ doc })));
      // Documents with the same text length (n mod 30 under 4) are near-duplicates of each other.
      const groupOf = new Map(docs.flatMap((doc, n) => (n % 30 < 4 ? [[doc.id, `g${n % 30}`] as const] : [])));
      await store.putDocLinks(
        [...groupOf].map(([doc, group]) => ({ id: doc, duplicateGroup: group, duplicateKind: 'near' })),
      );
      const everything = await store.search({ text: 'tide', collapse: false, limit: 200 });
      expect(everything.total).toBe(90);
      const scores = everything.hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const seen = new Set<string>();
      const leaders = everything.hits.filter((hit) => {
        const group = groupOf.get(hit.id);
        if (hit.outlet !== 'Tide Gazette' || (group && seen.has(group))) return false;
        if (group) seen.add(group);
        return true;
      });
      const pages = [];
      for (const offset of [0, 7, 14, 21]) {
        pages.push(...(await store.search({ text: 'tide', outlet: 'Tide Gazette', limit: 7, offset })).hits);
      }
      expect((await store.search({ text: 'tide', outlet: 'Tide Gazette' })).total).toBe(leaders.length);
      expect(pages.map((hit) => hit.id)).toEqual(leaders.map((hit) => hit.id));
      await store.close();
    });

    it('sees documents reprocessed and links rewritten by another connection', async () => {
      const server = await backend.open('a');
      const writer = await backend.open('a');
      await writer.putDocuments([{ doc: strike }, { doc: port }]);
      expect((await server.search({ text: 'strike', entity: 'Dockers Union' })).total).toBe(1);
      await writer.replaceDocument({ ...strike, layers: { ...strike.layers, entities: [] } });
      expect((await server.search({ text: 'strike', entity: 'Dockers Union' })).total).toBe(0);
      await writer.putDocLinks([
        { id: strike.id, duplicateGroup: 'g1', duplicateKind: 'near' },
        { id: port.id, duplicateGroup: 'g1', duplicateKind: 'near' },
      ]);
      expect((await server.search({ text: 'strike' })).total).toBe(1);
      await writer.close();
      await server.close();
    });
  });
}
