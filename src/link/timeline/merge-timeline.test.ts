import { describe, expect, it } from 'vitest';
import { mergeTimeline, type TimelineEvent } from './build-timeline.js';

/** Merging as first written: every event against every entry made so far, the first that fits. */
function mergeByScanning(docs: { name: string; events: TimelineEvent[] }[]) {
  const entries: { date: string; words: Set<string>; topics: Set<string>; who: string[]; sources: string[] }[] = [];
  for (const { name, events } of docs)
    for (const event of events) {
      const words = new Set(event.words);
      const same = entries.find((entry) => {
        const [short, long] =
          entry.date.length <= event.date.length ? [entry.date, event.date] : [event.date, entry.date];
        if (!long.startsWith(short)) return false;
        const shared = [...entry.words].filter((word) => words.has(word)).length;
        const overlap = shared / (entry.words.size + words.size - shared || 1);
        const participants = new Set(event.who.map((name) => name.toLowerCase()));
        const sharedWho = new Set(entry.who.map((name) => name.toLowerCase()).filter((name) => participants.has(name)))
          .size;
        return overlap >= 0.25 || (event.topics.some((topic) => entry.topics.has(topic)) && sharedWho >= 2);
      });
      const source = `${name}:${event.start}`;
      if (same) {
        same.sources.push(source);
        if (event.date.length > same.date.length) same.date = event.date;
        same.who = [...new Set([...same.who, ...event.who])];
        for (const word of words) same.words.add(word);
        for (const topic of event.topics) same.topics.add(topic);
      } else
        entries.push({ date: event.date, words, topics: new Set(event.topics), who: event.who, sources: [source] });
    }
  return entries
    .map((entry) => ({ date: entry.date, sources: entry.sources }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** A small deterministic generator, so the corpus is the same on every run. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

describe('mergeTimeline', () => {
  it('merges as scanning every entry for each event does, on a corpus of many overlapping events', () => {
    const next = random(7);
    const vocabulary = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const people = ['Ana Reyes', 'Mara Quill', 'Teodor Quill', 'Ilsa Varnholt'];
    const dates = ['2004', '2004-05', '2004-05-03', '2004-05-04', '2004-06', '2005', '2005-01-02T10:00'];
    const docs = Array.from({ length: 120 }, (_, d) => ({
      name: `doc${d}`,
      events: Array.from({ length: 1 + next(4) }, (_, e): TimelineEvent => {
        // Common words first in the vocabulary, so some lists of entries grow long.
        const words = [...new Set(Array.from({ length: 3 + next(8) }, () => vocabulary[next(next(60) + 1)] as string))];
        return {
          start: e * 10,
          end: e * 10 + 5,
          text: words.join(' '),
          date: dates[next(dates.length)] as string,
          what: words.join(' '),
          who: [people[next(4)] as string, people[next(4)] as string],
          where: [],
          words,
          topics: next(3) === 0 ? ['attack'] : [],
        };
      }),
    }));
    const merged = mergeTimeline(docs).map((entry) => ({
      date: entry.date,
      sources: entry.sources.map((source) => `${source.doc}:${source.start}`),
    }));
    expect(merged.length).toBeLessThan(docs.flatMap((doc) => doc.events).length);
    expect(merged).toEqual(mergeByScanning(docs));
  });
});
