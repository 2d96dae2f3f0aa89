import { afterEach, describe, expect, it } from 'vitest';
import { makeSpan } from '../../model/index.js';
import { makeTestDoc } from '../../server/test-corpus.js';
import type { StoreBackend } from './backends.js';

const text = 'Mara Quill met the Dockers Union. "No deal," said Mara Quill on 3 May 2024.';
export const doc = makeTestDoc('c'.repeat(64), text, {
  headline: 'Dock talks',
  published: '2024-05-04',
  entities: [
    { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
    { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
  ],
  quotes: [{ text: 'No deal,', speaker: 'Mara Quill' }],
  timexes: [{ text: '3 May 2024', value: '2024-05-03' }],
});

export const framed = (n: string, outlet: string, published: string) =>
  makeTestDoc(n.repeat(64), `The so-called reform of ${n} is a disgraceful betrayal. Everyone knows it.`, {
    outlet,
    published,
    loaded: [
      { text: 'so-called', technique: 'Doubt' },
      { text: 'disgraceful betrayal', technique: 'Loaded_Language' },
      { text: 'Everyone knows it', technique: 'Bandwagon' },
    ],
  });

export function corpusQueryCases(backend: StoreBackend): void {
  afterEach(() => backend.cleanup());
  spanIndexCases(backend);
  loadedLanguageCases(backend);
}

function spanIndexCases(backend: StoreBackend): void {
  describe(`${backend.name}: the span index behind corpus views`, () => {
    it('follows a document whose layers are replaced, keeping no stale spans', async () => {
      const store = await backend.open('a');
      await store.putDocuments([{ doc }]);
      expect((await store.listEntities({})).map((entity) => [entity.name, entity.mentions])).toEqual([
        ['Mara Quill', 2],
        ['Dockers Union', 1],
      ]);
      const start = text.indexOf('Dockers');
      await store.putLayers(doc.id, {
        entities: [
          makeSpan('entities', start, start + 13, 'ORG', { stage: 'test', version: 2 }, { entity: 'Dockers' }),
        ],
      });
      expect((await store.listEntities({})).map((entity) => [entity.name, entity.mentions])).toEqual([['Dockers', 1]]);
      expect(await store.getEntity('Mara Quill')).toBeUndefined();
      expect((await store.listQuotes({})).quotes.map((quote) => [quote.key, quote.text])).toEqual([
        ['Mara Quill', 'No deal,'],
      ]);
      await store.close();
    });

    it('lists one speaker per identity when per-document names are mapped to corpus names', async () => {
      const store = await backend.open('names');
      const short = makeTestDoc('d'.repeat(64), 'Quill spoke. "Still no deal," said Quill.', {
        headline: 'Dock talks again',
        published: '2024-05-05',
        entities: [{ text: 'Quill', type: 'PERSON', entity: 'Quill' }],
        quotes: [{ text: 'Still no deal,', speaker: 'Quill' }],
      });
      await store.putDocuments([{ doc }, { doc: short }]);
      expect((await store.listQuotes({})).speakers).toEqual([
        { value: 'Mara Quill', count: 1 },
        { value: 'Quill', count: 1 },
      ]);
      const names = new Map([
        ['Quill', 'Mara Quill'],
        ['Mara Quill', 'Mara Quill'],
      ]);
      const page = await store.listQuotes({ names });
      expect(page.speakers).toEqual([{ value: 'Mara Quill', count: 2 }]);
      expect(page.quotes.map((quote) => quote.key)).toEqual(['Mara Quill', 'Mara Quill']);
      expect((await store.listQuotes({ names, speaker: 'Mara Quill' })).total).toBe(2);
      expect((await store.listQuotes({ speaker: 'Mara Quill' })).total).toBe(1);
      await store.close();
    });

    it('lists the quotes that name an entity once each, in document and text order, leaving out its own', async () => {
      const store = await backend.open('about');
      const older = makeTestDoc(
        'e'.repeat(64),
        'Talks went on. "The Dockers Union and only the Dockers Union decides," said Ivo Brand. ' +
          '"The Dockers Union will not move," said the Dockers Union. "Nothing to add," said Ivo Brand.',
        {
          published: '2024-05-01',
          entities: [
            { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
            { text: 'Ivo Brand', type: 'PERSON', entity: 'Ivo Brand' },
          ],
          quotes: [
            { text: 'The Dockers Union and only the Dockers Union decides,', speaker: 'Ivo Brand' },
            { text: 'The Dockers Union will not move,', speaker: 'Dockers Union' },
            { text: 'Nothing to add,', speaker: 'Ivo Brand' },
          ],
        },
      );
      const newer = makeTestDoc('f'.repeat(64), '"Ask the Dockers Union," said Ivo Brand.', {
        published: '2024-06-01',
        entities: [
          { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
          { text: 'Ivo Brand', type: 'PERSON', entity: 'Ivo Brand' },
        ],
        quotes: [{ text: 'Ask the Dockers Union,', speaker: 'Ivo Brand' }],
      });
      await store.putDocuments([{ doc: older }, { doc: newer }, { doc }]);
      expect(
        (await store.getEntity('Dockers Union'))?.quotesAbout.map((quote) => [quote.doc.id[0], quote.key, quote.text]),
      ).toEqual([
        ['f', 'Ivo Brand', 'Ask the Dockers Union,'],
        ['e', 'Ivo Brand', 'The Dockers Union and only the Dockers Union decides,'],
      ]);
      expect((await store.getEntity('Ivo Brand'))?.quotesAbout).toEqual([]);
      await store.close();
    });

    /** A document `n` whose one quote is said by `speaker`. */
    const said = (n: string, speaker: string) =>
      makeTestDoc(n.repeat(64), `"Rates will rise in ${n} months," said ${speaker}.`, {
        quotes: [{ text: `Rates will rise in ${n} months,`, speaker }],
      });

    it('counts and filters a description speaker whatever its case, as one speaker', async () => {
      const store = await backend.open('described');
      await store.putDocuments([
        { doc: said('a', 'Analysts') },
        { doc: said('b', 'analysts') },
        { doc: said('e', 'analysts') },
      ]);
      for (const names of [undefined, new Map([['Ivo Brand', 'Ivo Brand']])]) {
        expect((await store.listQuotes({ names })).speakers).toEqual([{ value: 'analysts', count: 3 }]);
        expect((await store.listQuotes({ names, speaker: 'Analysts' })).total).toBe(3);
      }
      await store.close();
    });

    it('shows and filters speakers by the corpus names their per-document names map to', async () => {
      const store = await backend.open('the-tories');
      await store.putDocuments([
        { doc: said('a', 'the Tories') },
        { doc: said('b', 'Tory') },
        { doc: said('e', 'the company') },
      ]);
      // As indexIdentities maps them: `the` and a name stands for the name's identity.
      const names = new Map([
        ['Conservative Party', 'Conservative Party'],
        ['Tories', 'Conservative Party'],
        ['Tory', 'Conservative Party'],
        ['the Tories', 'Conservative Party'],
      ]);
      const page = await store.listQuotes({ names });
      expect(page.speakers).toEqual([
        { value: 'Conservative Party', count: 2 },
        { value: 'the company', count: 1 },
      ]);
      expect(page.quotes.map((quote) => quote.key).sort()).toEqual([
        'Conservative Party',
        'Conservative Party',
        'the company',
      ]);
      expect((await store.listQuotes({ names, speaker: 'Conservative Party' })).total).toBe(2);
      await store.close();
    });

    it('lists quotes oldest first on request, undated documents last either way', async () => {
      const store = await backend.open('order');
      const dated = (n: string, published?: string) =>
        makeTestDoc(n.repeat(64), `"Words of ${n} here," said Ivo Brand.`, {
          published,
          quotes: [{ text: `Words of ${n} here,`, speaker: 'Ivo Brand' }],
        });
      await store.putDocuments([
        { doc: dated('a', '2024-02-01') },
        { doc: dated('b') },
        { doc: dated('e', '2024-01-01') },
      ]);
      const order = async (sort?: 'newest' | 'oldest') =>
        (await store.listQuotes({ sort })).quotes.map((quote) => quote.doc.id[0]);
      expect(await order()).toEqual(['a', 'e', 'b']);
      expect(await order('oldest')).toEqual(['e', 'a', 'b']);
      await store.close();
    });
  });
}

function loadedLanguageCases(backend: StoreBackend): void {
  describe(`${backend.name}: loaded-language examples`, () => {
    it('pages the spans of one technique with a count of every technique under the same filter', async () => {
      const store = await backend.open('framing');
      await store.putDocuments([
        { doc: framed('a', 'Harbour Post', '2024-01-01') },
        { doc: framed('b', 'Harbour Post', '2024-02-01') },
        { doc: framed('e', 'Coast Daily', '2024-03-01') },
      ]);
      const all = await store.listFramingExamples({ limit: 2 });
      expect(all.total).toBe(9);
      expect(all.examples.map((example) => [example.doc.id[0], example.text])).toEqual([
        ['e', 'so-called'],
        ['e', 'disgraceful betrayal'],
      ]);
      expect(all.techniques).toEqual([
        { value: 'Bandwagon', count: 3 },
        { value: 'Doubt', count: 3 },
        { value: 'Loaded_Language', count: 3 },
      ]);
      const page = await store.listFramingExamples({
        technique: 'Loaded_Language',
        outlet: 'Harbour Post',
        sort: 'oldest',
      });
      expect(page.total).toBe(2);
      expect(page.examples.map((example) => [example.doc.id[0], example.label, example.text])).toEqual([
        ['a', 'Loaded_Language', 'disgraceful betrayal'],
        ['b', 'Loaded_Language', 'disgraceful betrayal'],
      ]);
      expect(page.techniques.map((technique) => technique.count)).toEqual([2, 2, 2]);
      expect((await store.listFramingExamples({ technique: 'Doubt', offset: 2 })).examples).toHaveLength(1);
      await store.close();
    });

    it('are summed by outlet and month from stored word counts, leaving documents without the layer out', async () => {
      const store = await backend.open('rates');
      const bare = makeTestDoc('f'.repeat(64), 'A plain report with no loaded words at all.', {
        outlet: 'Coast Daily',
      });
      await store.putDocuments([
        { doc: framed('a', 'Harbour Post', '2024-01-01') },
        { doc: framed('b', 'Harbour Post', '2024-02-01') },
        { doc: framed('e', 'Coast Daily', '2024-02-09') },
        { doc: bare },
      ]);
      const words = framed('a', '', '').text.split(/\s+/).length;
      const all = await store.countFraming({}, false);
      expect(all.documents).toBe(4);
      expect(all.withoutLayer).toBe(1);
      expect(all.groups.sort((x, y) => x.outlet.localeCompare(y.outlet))).toEqual([
        {
          outlet: 'Coast Daily',
          period: 'all',
          articles: 1,
          words,
          counts: { Bandwagon: 1, Doubt: 1, Loaded_Language: 1 },
        },
        {
          outlet: 'Harbour Post',
          period: 'all',
          articles: 2,
          words: 2 * words,
          counts: { Bandwagon: 2, Doubt: 2, Loaded_Language: 2 },
        },
      ]);
      const byMonth = await store.countFraming({ outlet: 'Harbour Post' }, true);
      expect(byMonth.groups.map((group) => [group.period, group.articles]).sort()).toEqual([
        ['2024-01', 1],
        ['2024-02', 1],
      ]);
      expect(byMonth.documents).toBe(2);
      await store.close();
    });
  });
}
