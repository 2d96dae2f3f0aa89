import { describe, expect, it } from 'vitest';
import type { DatedValue } from '../model/index.js';
import { storyDates } from './story-dates.js';

const stated = (value: string): DatedValue => ({ value, estimated: false, from: 'dateline' });
const estimated = (earliest: string, latest: string): DatedValue => ({
  value: `${earliest.slice(0, 7)}/${latest.slice(0, 7)}`,
  estimated: true,
  from: 'contents',
  earliest,
  latest,
  confidence: 0.9,
});

function run(dates: Record<string, DatedValue | undefined>, memberIds = Object.keys(dates)) {
  return storyDates(
    [{ id: 'story-1', memberIds }],
    (id) => dates[id],
    (id) => id,
  );
}

describe('storyDates', () => {
  it('gives an undated member the span of the dated members, as an estimated range', () => {
    const result = run({ a: stated('2005-02-01'), b: stated('2005-02-09'), c: undefined });
    expect(result.get('c')).toMatchObject({
      value: '2005-02',
      estimated: true,
      from: 'story:story-1',
      earliest: '2005-02-01',
      latest: '2005-02-09',
    });
    expect(result.get('c')?.confidence).toBeUndefined();
    expect([...result.keys()]).toEqual(['c']);
  });

  it("passes on stated dates only, never a member's own estimate", () => {
    expect(run({ a: estimated('2004-01-01', '2005-12-31'), b: undefined }).size).toBe(0);
  });

  it('leaves undated the members of a story whose dates lie more than two years apart', () => {
    expect(run({ a: stated('2001-01-01'), b: stated('2005-01-01'), c: undefined }).size).toBe(0);
  });

  it('never overrides a date inherited from a twin, and redoes one an earlier run took from the story', () => {
    const twin: DatedValue = { value: '2005-02-01', estimated: true, from: 'near-duplicate:x' };
    const earlier: DatedValue = { value: '2003', estimated: true, from: 'story:story-1' };
    const result = run({ a: stated('2005-02-03'), b: twin, c: earlier });
    expect([...result.keys()]).toEqual(['c']);
    expect(result.get('c')?.value).toBe('2005-02');
  });
});
