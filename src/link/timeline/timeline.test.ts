import { describe, expect, it } from 'vitest';
import { annotateSeeds } from '../../eval/seeds.js';
import { buildTimeline, displayDate } from './index.js';

const docs = (await annotateSeeds()).docs;

describe('link/timeline', () => {
  it('orders entries by date and merges the drone strike told by both scrapes into one entry', () => {
    const timeline = buildTimeline(docs);
    const dates = timeline.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort());
    const strike = timeline.find((entry) => entry.date === '2020-01-03' && entry.sources.length > 1);
    // 000 and 001 word it alike; 002 (see below) tells it in other words.
    expect(strike?.sources.map((source) => source.doc.slice(0, 3))).toEqual(['000', '001', '002']);
    for (const source of strike?.sources ?? []) {
      const doc = docs.find((candidate) => candidate.source.uri === source.doc);
      expect(doc?.text.slice(source.start, source.end)).toBe(source.text);
    }
  });

  it('gives the day to an article that names only the month, when it tells the same kind of event with the same people', () => {
    const timeline = buildTimeline(docs);
    // 002 says only `the January 2020 assassination` of Soleimani and al-Muhandis; 000 and 001 give the day.
    const strike = timeline.find((entry) =>
      entry.sources.some(
        (source) => source.doc.startsWith('002') && source.text.includes('January 2020 assassination'),
      ),
    );
    expect(strike?.date).toBe('2020-01-03');
    expect(strike?.sources.map((source) => source.doc.slice(0, 3))).toEqual(['000', '001', '002']);
    // The same article's other January 2020 event (the parliament's law) shares one participant only: its own entry.
    const law = timeline.find((entry) => entry.sources.some((source) => source.text.includes('January 2020 law')));
    expect(law?.date).toBe('2020-01');
    expect(law?.sources).toHaveLength(1);
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

describe('displayDate', () => {
  it('shows a time after a space and TIMEX3 24:00 as the next day 00:00', () => {
    expect(displayDate('2025-05-02T24:00')).toBe('2025-05-03 00:00');
    expect(displayDate('2004-12-31T24:00')).toBe('2005-01-01 00:00');
    expect(displayDate('2005-03-01T16:50')).toBe('2005-03-01 16:50');
    expect(displayDate('2005-03')).toBe('2005-03');
  });
});
