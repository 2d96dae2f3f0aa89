/**
 * Sentence-level events: a sentence that carries a calendar date (a DATE or TIME timex with a
 * resolved value) or a phrase anchored on an earlier event (`two days after the attack`) is an event:
 * what (the sentence without the date phrase), who and where (entities when the entities layer is
 * present, capitalised names otherwise), when (the TIMEX3 value) and the sentence as evidence.
 */
import { readFileSync } from 'node:fs';
import { type Span, SpanLookup } from '../../model/index.js';
import { dataPath } from '../../resources/index.js';
import { addDays, formatDay, parseDay } from '../timex/index.js';

export interface EventsLexicon {
  eventNouns: string[][];
  stopWords: string[];
}

export interface EventFinding {
  start: number;
  end: number;
  /** TIMEX3 value of when it happened. */
  date: string;
  what: string;
  who: string[];
  where: string[];
  /** The timex span the date was read from. */
  timex: string;
  /** How the date was found: `stated`, or `anchored` on an earlier event (`two days after the attack`). */
  dating: 'stated' | 'anchored';
  /** For anchored dates: the sentence of the event it was counted from. */
  anchorStart?: number;
  anchorEnd?: number;
}

const LEXICON_PATH = dataPath('events/lexicon.json');

export function loadEventsLexicon(path = LEXICON_PATH): EventsLexicon {
  return JSON.parse(readFileSync(path, 'utf8')) as EventsLexicon;
}

const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?$|^XXXX-\d{2}(?:-\d{2})?$/;
const ANCHORED = /^\s+(after|before)\s+(?:the|this|that)\s+((?:[\w’'-]+\s*){1,4})/i;

export function findEvents(
  text: string,
  sentences: readonly Span[],
  timexes: readonly Span[],
  entities: readonly Span[] = [],
  lexicon: EventsLexicon = loadEventsLexicon(),
): EventFinding[] {
  const events: EventFinding[] = [];
  const timexLookup = new SpanLookup(timexes);
  const entityLookup = new SpanLookup(entities);
  for (const sentence of sentences) {
    const inside = timexLookup.within(sentence.start, sentence.end);
    for (const timex of inside) {
      const value = String(timex.attrs?.value ?? '');
      let date: string | undefined;
      let anchor: EventFinding | undefined;
      if ((timex.label === 'DATE' || timex.label === 'TIME') && CALENDAR.test(value)) date = value;
      else if (timex.label === 'DURATION') {
        const relation = ANCHORED.exec(text.slice(timex.end, sentence.end));
        if (!relation) continue;
        const nouns = (relation[2] as string).toLowerCase().split(/\s+/);
        const noun = nouns.find((word) => lexicon.eventNouns.some((group) => group.includes(word)));
        if (!noun) continue;
        anchor = findAnchor(events, text, noun, lexicon);
        const day = parseDay(anchor?.date);
        const days = daysOf(value);
        if (!anchor || !day || days === undefined) continue;
        date = formatDay(addDays(day, relation[1]?.toLowerCase() === 'after' ? days : -days));
      }
      if (!date) continue;
      const event: EventFinding = {
        start: sentence.start,
        end: sentence.end,
        date,
        what: describe(text, sentence, timex),
        who: namesIn(text, sentence, entityLookup, ['PERSON', 'ORG']),
        where: namesIn(text, sentence, entityLookup, ['LOC']),
        timex: timex.id,
        dating: anchor ? 'anchored' : 'stated',
      };
      if (anchor) {
        event.anchorStart = anchor.start;
        event.anchorEnd = anchor.end;
      }
      events.push(event);
      break;
    }
  }
  return events;
}

/** The event-noun groups a sentence names (`drone strike` → `attack`), each by its first word. */
export function eventTopics(sentence: string, lexicon: EventsLexicon): string[] {
  const lower = sentence.toLowerCase();
  return lexicon.eventNouns
    .filter((group) => group.some((word) => new RegExp(`\\b${word}\\b`).test(lower)))
    .map((group) => group[0] as string);
}

/** Days in a simple duration (`P2D`, `P1W`); undefined for months and years, whose length varies. */
function daysOf(value: string): number | undefined {
  const match = /^P(\d+)([DW])$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'W' ? 7 : 1);
}

/** The latest earlier event whose sentence names the same kind of event (`attack` ~ `strike`). */
function findAnchor(
  events: EventFinding[],
  text: string,
  noun: string,
  lexicon: EventsLexicon,
): EventFinding | undefined {
  const lower = noun.toLowerCase();
  const group = lexicon.eventNouns.find((nouns) => nouns.includes(lower)) ?? [lower];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as EventFinding;
    if (event.dating !== 'stated' || !/^\d{4}-\d{2}-\d{2}/.test(event.date)) continue;
    const words = text.slice(event.start, event.end).toLowerCase();
    if (group.some((word) => new RegExp(`\\b${word}`).test(words))) return event;
  }
  return undefined;
}

/** The sentence without its date phrase and leading connectives, as a short description. */
function describe(text: string, sentence: Span, timex: Span): string {
  const before = text.slice(sentence.start, timex.start).replace(/\b(?:on|in|at|since|by)\s*$/i, '');
  const after = text.slice(timex.end, sentence.end);
  const joined = `${before} ${after}`
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;])/g, '$1')
    .trim();
  return joined.length > 240 ? `${joined.slice(0, 237)}...` : joined;
}

function namesIn(text: string, sentence: Span, entities: SpanLookup<Span>, types: string[]): string[] {
  const found = entities
    .within(sentence.start, sentence.end)
    .filter((span) => types.includes(span.label))
    .map((span) => String(span.attrs?.entity ?? text.slice(span.start, span.end)));
  if (entities.spans.length > 0) return [...new Set(found)];
  const body = text.slice(sentence.start, sentence.end);
  if (types.includes('LOC')) {
    // Without an entities layer: capitalised names after `near`, `in` or `at`.
    const places = [...body.matchAll(/\b(?:near|in|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)/g)];
    return [
      ...new Set(
        places
          .map((match) => match[1] as string)
          .filter(
            (name) =>
              !/^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(name),
          ),
      ),
    ];
  }
  // Without an entities layer: runs of capitalised words not at the sentence start.
  const names = body.match(/(?<=\s)(?:[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+)?[A-Z][\w'’-]+)+)/g) ?? [];
  return [...new Set(names)];
}
