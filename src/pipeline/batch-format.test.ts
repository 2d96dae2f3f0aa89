import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { toBatchRecord } from './batch-format.js';

const docWith = (published: Doc['meta']['published']) =>
  ({ text: 'Text.', meta: { sections: [], published }, layers: {} }) as unknown as Doc;

describe('the published field of lede annotate', () => {
  it('gives a stated date as its day', () => {
    expect(toBatchRecord('a', docWith({ value: '2023-02-13T11:41', estimated: false })).published).toEqual({
      value: '2023-02-13',
      estimated: false,
    });
  });

  it('gives an estimated range as its earliest day, its last day and its confidence, never the range code', () => {
    const published = toBatchRecord(
      'b',
      docWith({
        value: '2004-11/2005-03',
        estimated: true,
        earliest: '2004-11-01',
        latest: '2005-03-31',
        confidence: 0.9,
      }),
    ).published;
    expect(published).toEqual({ value: '2004-11-01', estimated: true, latest: '2005-03-31', confidence: 0.9 });
  });

  it('leaves out latest for a one-day estimate and null for no date', () => {
    expect(
      toBatchRecord(
        'c',
        docWith({ value: '2005-02-01', estimated: true, earliest: '2005-02-01', latest: '2005-02-01' }),
      ).published,
    ).toEqual({ value: '2005-02-01', estimated: true });
    expect(toBatchRecord('d', docWith(undefined)).published).toBeNull();
  });
});
