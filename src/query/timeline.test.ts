import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SourcedTimelineEntry, TIMELINE_STATE } from '../link/index.js';
import { makeTestDoc, strikeArticles } from '../server/test-corpus.js';
import type { Store } from '../store/index.js';
import { mergedTimeline, queryQuotes, quoteSources, timelineMentions } from './index.js';
import { openTempStore, type TempStore } from './test-store.js';

const entry = (date: string, what: string, who: string[]): SourcedTimelineEntry => ({
  date,
  shown: date,
  what,
  who,
  where: [],
  sources: [],
});

let temp: TempStore;
let store: Store;

beforeEach(async () => {
  temp = openTempStore('lede-query-timeline-');
  store = temp.store;
});

afterEach(() => temp.remove());

describe('mergedTimeline', () => {
  it('is undefined until the timeline is computed, then filters by entity and dates and cuts at the limit', async () => {
    expect(await mergedTimeline(store, {})).toBeUndefined();
    await store.putCorpusState(TIMELINE_STATE, {
      computedAt: '2024-05-01T00:00:00.000Z',
      documents: 3,
      entries: [
        entry('2024-03-13', 'strike began', ['Mara Quill']),
        entry('2024-04-02', 'port answered', []),
        entry('2024-04-20', 'council backed the strike', ['Ana Reyes']),
      ],
    });
    const whats = async (query: Parameters<typeof mergedTimeline>[1]) =>
      (await mergedTimeline(store, query))?.map((kept) => kept.what);
    expect(await whats({ from: '2024-04' })).toEqual(['port answered', 'council backed the strike']);
    expect(await whats({ entity: 'quill' })).toEqual(['strike began']);
    expect(await whats({ limit: 1 })).toEqual(['strike began']);
  });

  it('lists every dated mention of the span index in date order', async () => {
    await store.putDocuments([
      {
        doc: makeTestDoc('a'.repeat(64), 'The strike ended on 2 May. It began on 13 March.', {
          timexes: [
            { text: '2 May', value: '2024-05-02' },
            { text: '13 March', value: '2024-03-13' },
          ],
        }),
      },
    ]);
    expect((await timelineMentions(store, {})).map((mention) => [mention.date, mention.text])).toEqual([
      ['2024-03-13', '13 March'],
      ['2024-05-02', '2 May'],
    ]);
  });
});

describe('quoteSources', () => {
  it('gives each quote of a page its speaker and sentence from the document', async () => {
    await store.putDocuments(strikeArticles().map((doc) => ({ doc })));
    const page = await queryQuotes(store, { speaker: 'Ana Reyes' });
    expect(page.total).toBe(1);
    expect(await quoteSources(store, page.quotes)).toMatchObject([
      {
        docId: '3'.repeat(64),
        outlet: 'Coast Daily',
        kind: 'direct',
        text: 'Pay them,',
        speakerName: 'Ana Reyes',
        sentence: '"Pay them," said Ana Reyes, with the Dockers Union.',
      },
    ]);
  });
});
