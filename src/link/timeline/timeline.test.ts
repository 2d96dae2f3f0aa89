import { describe, expect, it } from 'vitest';
import { annotateSeeds } from '../../eval/seeds.js';
import { buildTimeline } from './index.js';

describe('link/timeline', () => {
  const docs = annotateSeeds().docs;

  it('orders entries by date and merges the drone strike told by both scrapes into one entry', () => {
    const timeline = buildTimeline(docs);
    const dates = timeline.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort());
    const strike = timeline.find((entry) => entry.date === '2020-01-03' && entry.sources.length > 1);
    expect(strike?.sources.map((source) => source.doc.slice(0, 3))).toEqual(['000', '001']);
    for (const source of strike?.sources ?? []) {
      const doc = docs.find((candidate) => candidate.source.uri === source.doc);
      expect(doc?.text.slice(source.start, source.end)).toBe(source.text);
    }
  });

  it('keeps only entries naming the entity within the date range', () => {
    const timeline = buildTimeline(docs, { entity: 'Soleimani', from: '2020', to: '2020-12' });
    expect(timeline.length).toBeGreaterThan(0);
    for (const entry of timeline) {
      expect(entry.date.startsWith('2020')).toBe(true);
      expect(entry.sources.some((source) => source.text.includes('Soleimani'))).toBe(true);
    }
  });
});
