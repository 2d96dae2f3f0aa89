import { afterEach, describe, expect, it } from 'vitest';
import type { DatedValue } from '../../model/index.js';
import { makeTestDoc } from '../../server/test-corpus.js';
import type { StoreBackend } from './backends.js';

const id = (n: number) => n.toString(16).padStart(64, '0');
const estimate: DatedValue = {
  value: '2050-01/2051-12',
  estimated: true,
  from: 'contents',
  earliest: '2050-01-01',
  latest: '2051-12-31',
  confidence: 0.9,
};

/** Two stated articles and one whose estimated range would sort it first and widen every date view. */
async function corpus(backend: StoreBackend) {
  const store = await backend.open('a');
  const entities = [{ text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' }];
  await store.putDocuments([
    { doc: { ...makeTestDoc(id(1), 'Mara Quill spoke on the strike.', { published: '2005-01-10', entities }) } },
    { doc: { ...makeTestDoc(id(2), 'Mara Quill spoke on the strike again.', { published: '2005-02-10', entities }) } },
    { doc: makeTestDoc(id(3), 'Mara Quill and the strike, undated.', { entities }) },
  ]);
  await store.setPublished(id(3), estimate);
  return store;
}

export function estimatedDateCases(backend: StoreBackend): void {
  afterEach(() => backend.cleanup());
  describe(`${backend.name}: estimated dates are kept apart from stated ones`, () => {
    it('leaves them out of date order, date bounds, month facets, stats and entity months by default', async () => {
      const store = await corpus(backend);
      expect((await store.listDocuments({})).map((doc) => doc.id)).toEqual([id(2), id(1), id(3)]);
      expect(await store.listDocuments({ from: '2040' })).toEqual([]);
      expect((await store.search({ text: 'strike' })).facets.months.map((month) => month.value).sort()).toEqual([
        '2005-01',
        '2005-02',
      ]);
      expect((await store.search({ text: 'strike', from: '2040' })).total).toBe(0);
      expect([(await store.stats()).earliest, (await store.stats()).latest]).toEqual(['2005-01-10', '2005-02-10']);
      expect((await store.getEntity('Mara Quill'))?.byMonth.map((month) => month.value)).not.toContain('2050-01');
      await store.close();
    });

    it('counts them when asked, and marks them in summaries', async () => {
      const store = await corpus(backend);
      const listed = await store.listDocuments({ includeEstimated: true });
      expect(listed[0]).toMatchObject({ id: id(3), published: '2050-01/2051-12', publishedEstimated: true });
      expect((await store.listDocuments({ from: '2040', includeEstimated: true })).map((doc) => doc.id)).toEqual([
        id(3),
      ]);
      const page = await store.search({ text: 'strike', includeEstimated: true });
      expect(page.facets.months.map((month) => month.value)).toContain('2050-01');
      await store.close();
    });
  });
}
