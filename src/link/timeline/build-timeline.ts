/**
 * A corpus timeline from the `events` layers: entries in date order, the same event told by several
 * documents merged into one entry with every source. Two events are the same when their dates agree
 * (one may be coarser: `2020-01` and `2020-01-03`) and either their sentences share enough content
 * words, or they name the same kind of happening (an event-noun group: `assassination` ~ `drone strike`)
 * with at least two of the same participants. The entry takes the most precise date, so an article
 * that says only `the January 2020 assassination` of Soleimani and al-Muhandis gets the day another
 * article gives.
 */
import type { Doc, Span } from '../../model/index.js';
import { type EventsLexicon, eventTopics, loadEventsLexicon } from '../../nlp/events/index.js';

export interface TimelineSource {
  doc: string;
  start: number;
  end: number;
  /** The sentence: the evidence. */
  text: string;
  date: string;
}

export interface TimelineEntry {
  /** The most precise TIMEX3 date among the sources. */
  date: string;
  /** The date as people write it (`2025-05-02T24:00` is `2025-05-03 00:00`). */
  shown: string;
  what: string;
  who: string[];
  where: string[];
  sources: TimelineSource[];
}

export interface TimelineOptions {
  /** Keep entries whose who/where or evidence names this entity (case-insensitive substring). */
  entity?: string;
  /** Inclusive bounds on the date, compared by prefix (`2020` keeps every 2020 date). */
  from?: string;
  to?: string;
  /** Content-word overlap (Jaccard) above which two same-date events are one entry. */
  sameEventOverlap?: number;
}

/** Participants two differently worded tellings of one kind of event must share to be one entry. */
const SHARED_PARTICIPANTS = 2;

const STOP = new Set(
  'the a an of in on at to for by with from and or that which who was were is are be been it its their his her this after before as also into than said has have had'.split(
    ' ',
  ),
);

function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}][\p{L}'’-]+/gu) ?? []).filter((word) => word.length > 2 && !STOP.has(word)),
  );
}

/** `2020-01` and `2020-01-03` are compatible; `2020-01-03` and `2020-01-05` are not. */
function compatible(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  const lower = new Set(a.map((name) => name.toLowerCase()));
  return new Set(b.map((name) => name.toLowerCase()).filter((name) => lower.has(name))).size;
}

/** A dated event as read out of its document: what merging it into the timeline needs. */
export interface TimelineEvent {
  start: number;
  end: number;
  /** The sentence. */
  text: string;
  date: string;
  what: string;
  who: string[];
  where: string[];
  /** Content words and event-noun groups of the sentence, which decide what it merges with. */
  words: string[];
  topics: string[];
}

/** The dated events of one document, in its order. */
export function timelineEvents(doc: Doc, lexicon: EventsLexicon = loadEventsLexicon()): TimelineEvent[] {
  return (doc.layers.events ?? ([] as Span[])).flatMap((event) => {
    const date = String(event.attrs?.date ?? '');
    if (!/^\d{4}/.test(date)) return [];
    const text = doc.text.slice(event.start, event.end);
    return [
      {
        start: event.start,
        end: event.end,
        text,
        date,
        what: String(event.attrs?.what ?? text),
        who: strings(event.attrs?.who),
        where: strings(event.attrs?.where),
        words: [...contentWords(text)],
        topics: eventTopics(text, lexicon),
      },
    ];
  });
}

export function buildTimeline(
  docs: readonly Doc[],
  options: TimelineOptions = {},
  lexicon: EventsLexicon = loadEventsLexicon(),
): TimelineEntry[] {
  return mergeTimeline(
    docs.map((doc) => ({ name: doc.externalId ?? doc.source.uri ?? doc.id, events: timelineEvents(doc, lexicon) })),
    options,
  );
}

/** Merges the documents' events, in the documents' order, into timeline entries. */
export function mergeTimeline(
  docs: readonly { name: string; events: readonly TimelineEvent[] }[],
  options: TimelineOptions = {},
): TimelineEntry[] {
  const threshold = options.sameEventOverlap ?? 0.25;
  const entries: (TimelineEntry & { words: Set<string>; topics: Set<string> })[] = [];
  // Entries by content word and by kind of event. An event joins the first entry, in the order
  // entries were made, whose date is compatible and that shares enough words, or the kind of event
  // and two participants: only entries sharing a word or a kind can, so only those are looked at
  // (scanning every entry for each event made merging grow with the square of the events).
  const byWord = new Map<string, number[]>();
  const byTopic = new Map<string, number[]>();
  const sameEvent = (date: string, words: ReadonlySet<string>, topics: readonly string[], who: readonly string[]) => {
    let first: number | undefined;
    const earlier = (index: number) => first === undefined || index < first;
    if (threshold <= 0) return entries.findIndex((entry) => compatible(entry.date, date));
    // An entry sharing `needed` of the event's words misses at most `size - needed` of them, so it
    // holds one of any `size - needed + 1`: those with the shortest lists of entries are enough to find it.
    const needed = Math.max(1, Math.ceil(threshold * words.size));
    const probes = [...words]
      .sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0))
      .slice(0, Math.max(0, words.size - needed + 1));
    const seen = new Set<number>();
    for (const word of probes)
      for (const index of byWord.get(word) ?? []) {
        if (seen.has(index) || !earlier(index)) continue;
        seen.add(index);
        const entry = entries[index] as (typeof entries)[number];
        if (!compatible(entry.date, date)) continue;
        let count = 0;
        for (const other of words) if (entry.words.has(other)) count++;
        if (count / (entry.words.size + words.size - count) >= threshold) first = index;
      }
    for (const topic of topics)
      for (const index of byTopic.get(topic) ?? []) {
        const entry = entries[index] as (typeof entries)[number];
        if (earlier(index) && compatible(entry.date, date) && sharedCount(entry.who, who) >= SHARED_PARTICIPANTS)
          first = index;
      }
    return first ?? -1;
  };
  for (const { name, events } of docs) {
    for (const event of events) {
      const { date, text, who } = event;
      const words = new Set(event.words);
      const topics = event.topics;
      const source: TimelineSource = { doc: name, start: event.start, end: event.end, text, date };
      const at = sameEvent(date, words, topics, who);
      const same = entries[at];
      if (same) {
        same.sources.push(source);
        if (date.length > same.date.length) same.date = date;
        same.who = [...new Set([...same.who, ...who])];
        same.where = [...new Set([...same.where, ...event.where])];
        for (const word of words) if (!same.words.has(word)) push(byWord, word, at);
        for (const topic of topics) if (!same.topics.has(topic)) push(byTopic, topic, at);
        for (const word of words) same.words.add(word);
        for (const topic of topics) same.topics.add(topic);
        continue;
      }
      for (const word of words) push(byWord, word, entries.length);
      for (const topic of new Set(topics)) push(byTopic, topic, entries.length);
      entries.push({
        date,
        shown: date,
        what: event.what,
        who,
        where: event.where,
        sources: [source],
        words,
        topics: new Set(topics),
      });
    }
  }
  return filterTimeline(
    entries.map(({ words: _words, topics: _topics, ...entry }) => ({ ...entry, shown: displayDate(entry.date) })),
    options,
  );
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A TIMEX3 value as a reader writes it: the time after a space, and `24:00` (TIMEX3's end of a day,
 * as `midnight` is read) as the next day's `00:00`.
 */
export function displayDate(value: string): string {
  const clock = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!clock) return value;
  const [, day, hour, minute] = clock as unknown as [string, string, string, string];
  if (hour !== '24') return `${day} ${hour}:${minute}`;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)} 00:${minute}`;
}

/** Keeps the entries inside the date bounds that name the entity, in date order. */
export function filterTimeline<T extends TimelineEntry>(entries: readonly T[], options: TimelineOptions = {}): T[] {
  const entity = options.entity?.toLowerCase();
  return entries
    .filter((entry) => !options.from || entry.date.slice(0, options.from.length) >= options.from)
    .filter((entry) => !options.to || entry.date.slice(0, options.to.length) <= options.to)
    .filter(
      (entry) =>
        !entity ||
        [...entry.who, ...entry.where, ...entry.sources.map((source) => source.text)].some((text) =>
          text.toLowerCase().includes(entity),
        ),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}
