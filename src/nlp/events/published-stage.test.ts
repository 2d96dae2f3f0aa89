import { describe, expect, it } from 'vitest';
import type { DatedValue, Doc } from '../../model/index.js';
import { makeDoc } from '../quotes/test-helpers.js';
import { inheritPublished } from './estimate-published.js';
import { createPublishedEstimateStage } from './published-stage.js';

const text =
  'The talks resumed on 5 March 2021, a week after the ceasefire. They had broken down in 2020 over the border.';
const report = { info() {}, warning() {}, error() {} };
function doc(published?: DatedValue): Doc {
  const made = makeDoc(text);
  return { ...made, layers: {}, meta: { ...made.meta, ...(published ? { published } : {}) } };
}

describe('createPublishedEstimateStage', () => {
  const stage = createPublishedEstimateStage();

  it('estimates an undated document from its contents', () => {
    const published = stage.run(doc(), report).meta?.published;
    expect([published?.value, published?.estimated, published?.from]).toEqual(['2021-03/2022-12', true, 'contents']);
    expect([published?.earliest, published?.latest]).toEqual(['2021-03-05', '2022-12-31']);
  });

  it('leaves a text whose only year is background undated, and says why', () => {
    const messages: string[] = [];
    const background = makeDoc('The Act of Settlement of 1701 bars Catholics from the throne, the MP said on Sunday.');
    const published = stage.run({ ...background, layers: {} }, { ...report, info: (message) => messages.push(message) })
      .meta?.published;
    expect(published).toBeUndefined();
    expect(messages.join(' ')).toMatch(/not dated from its text: only background dates/);
  });

  it('takes the fetch time as an upper bound', () => {
    const fetched = { ...doc(), source: { ...doc().source, fetchedAt: '2021-04-01T10:00:00Z' } };
    expect(stage.run(fetched, report).meta?.published).toMatchObject({ earliest: '2021-03-05', latest: '2021-04-01' });
  });

  it('keeps a stated or inherited date and redoes an estimate of its own', () => {
    const stated: DatedValue = { value: '2021-03-06', estimated: false, from: 'dateline' };
    expect(stage.run(doc(stated), report).meta?.published).toBe(stated);
    const inherited = inheritPublished({ id: 'twin', published: stated });
    expect(stage.run(doc(inherited), report).meta?.published).toBe(inherited);
    const olderEstimate: DatedValue = { value: '1999', estimated: true, from: 'contents' };
    expect(stage.run(doc(olderEstimate), report).meta?.published?.value).toBe('2021-03/2022-12');
  });
});
