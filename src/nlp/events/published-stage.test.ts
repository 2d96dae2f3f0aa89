import { describe, expect, it } from 'vitest';
import type { DatedValue, Doc } from '../../model/index.js';
import { makeDoc } from '../quotes/test-helpers.js';
import { inheritPublished } from './estimate-published.js';
import { createPublishedEstimateStage } from './published-stage.js';

const text = 'The talks resumed on 5 March 2021, a week after the ceasefire.';
const report = { info() {}, warning() {}, error() {} };
function doc(published?: DatedValue): Doc {
  const made = makeDoc(text);
  return { ...made, layers: {}, meta: { ...made.meta, ...(published ? { published } : {}) } };
}

describe('createPublishedEstimateStage', () => {
  const stage = createPublishedEstimateStage();

  it('estimates an undated document from its contents', () => {
    const published = stage.run(doc(), report).meta?.published;
    expect([published?.value, published?.estimated, published?.from]).toEqual(['2021-03-05', true, 'contents']);
  });

  it('keeps a stated or inherited date and redoes an estimate of its own', () => {
    const stated: DatedValue = { value: '2021-03-06', estimated: false, from: 'dateline' };
    expect(stage.run(doc(stated), report).meta?.published).toBe(stated);
    const inherited = inheritPublished({ id: 'twin', published: stated });
    expect(stage.run(doc(inherited), report).meta?.published).toBe(inherited);
    const olderEstimate: DatedValue = { value: '1999', estimated: true, from: 'contents' };
    expect(stage.run(doc(olderEstimate), report).meta?.published?.value).toBe('2021-03-05');
  });
});
