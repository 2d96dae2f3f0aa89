/**
 * Sentence-level events: a sentence that carries a calendar date (a DATE or TIME timex with a
 * resolved value) or a phrase anchored on an earlier event (`two days after the attack`) is an event:
 * what (the sentence or clause around the date, `eventText`), who and where (entities when the entities layer is
 * present, capitalised names otherwise), when (the TIMEX3 value) and the sentence as evidence.
 */
import { readFileSync } from 'node:fs';
import { type Span, SpanLookup } from '../../model/index.js';
import { dataPath } from '../../resources/index.js';
import { addDays, formatDay, parseDay } from '../timex/index.js';
import { backgroundOf } from './attachment.js';
import { eventText } from './event-text.js';
import { isProse, toldInPast } from './tense.js';

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
  writtenIn?: number,
): EventFinding[] {
  const events: EventFinding[] = [];
  const timexLookup = new SpanLookup(timexes);
  const entityLookup = new SpanLookup(entities);
  const context = { writingYear: writtenIn ?? latestPastYear(text, sentences, timexLookup) };
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // A question asks whether something happened; it does not say that it did. A line of names and dates
    // (a fixture, a heading) tells nothing a reader can take as a clause.
    if (isFragment(text, sentence.start, body) || /\?["”’]?\s*$/.test(body) || !isProse(body)) continue;
    const all = timexLookup.within(sentence.start, sentence.end);
    const inside = all
      .filter((timex) => !backgroundOf(body, timex.start - sentence.start, timex.end - sentence.start, context))
      .filter((timex, _index, kept) => !spokenDeixis(text, sentence, timex, kept));
    const before = events.length;
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
        what: eventText(text, sentence.start, sentence.end, timex.start, timex.end),
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
    if (events.length > before) continue;
    // No date of the main clause; a date naming an event (`since the January 2020 assassination`)
    // still dates that event, told by its noun phrase.
    const named = namedEvent(text, all, lexicon);
    if (named)
      events.push({
        start: sentence.start,
        end: sentence.end,
        date: named.date,
        what: named.what,
        who: namesIn(text, sentence, entityLookup, ['PERSON', 'ORG']),
        where: namesIn(text, sentence, entityLookup, ['LOC']),
        timex: named.timex,
        dating: 'stated',
      });
  }
  return events;
}

/**
 * The latest year a sentence told in the past gives (`sales rose in 2004`): the document was written
 * that year or later. Undefined when no past sentence carries a year.
 */
function latestPastYear(text: string, sentences: readonly Span[], timexes: SpanLookup<Span>): number | undefined {
  let latest: number | undefined;
  for (const sentence of sentences) {
    const years = timexes
      .within(sentence.start, sentence.end)
      .filter((timex) => timex.label === 'DATE')
      .map((timex) => Number(/^(\d{4})/.exec(String(timex.attrs?.value ?? ''))?.[1]))
      .filter((year) => !Number.isNaN(year));
    if (years.length === 0 || !toldInPast(text.slice(sentence.start, sentence.end))) continue;
    latest = Math.max(latest ?? 0, ...years);
  }
  return latest;
}

/**
 * A piece cut from its sentence: after a title ending in `?` (`... What's My Name? and Gin and Juice
 * in 1993.`) or a paragraph whose first words the source lost, it starts in lower case (a name written
 * so, `eBay`, has a capital after). A piece the splitter cut from an overlong run is not one of these.
 */
function isFragment(text: string, start: number, body: string): boolean {
  if (!/^[\s"“‘'(]*\p{Ll}/u.test(body) || /^[\s"“‘'(]*\p{Ll}+\p{Lu}/u.test(body)) return false;
  const preceding = text.slice(Math.max(0, start - 3), start);
  return /[?!]["”’]?\s*$|\n\s*$/.test(preceding);
}

const DETERMINER = /(?:^|\s)((?:the|a|an|its|their|his|her|this|that|last\s+year['’]s)\s+)$/i;

/** An event noun phrase carrying a calendar date: `the January 2020 assassination, which targeted ...`. */
function namedEvent(
  text: string,
  timexes: readonly Span[],
  lexicon: EventsLexicon,
): { date: string; what: string; timex: string } | undefined {
  const nouns = new Set(lexicon.eventNouns.flat());
  for (const timex of timexes) {
    const value = String(timex.attrs?.value ?? '');
    if (timex.label !== 'DATE' || !CALENDAR.test(value)) continue;
    const after = text.slice(timex.end, timex.end + 60);
    const words = [...after.matchAll(/[\w'’-]+/g)].slice(0, 3);
    // A capitalised word is part of a name (`the 2003 Controlling the Assault of ... Act`), no event noun.
    const noun = words.find(
      (word) => /^\p{Ll}/u.test(word[0]) && (nouns.has(word[0]) || nouns.has(word[0].replace(/s$/, ''))),
    );
    if (!noun || /[,;.]/.test(after.slice(0, noun.index))) continue;
    const determiner = DETERMINER.exec(text.slice(Math.max(0, timex.start - 20), timex.start))?.[1] ?? '';
    const start = timex.start - determiner.length;
    const nounEnd = timex.end + (noun.index ?? 0) + noun[0].length;
    const rest = /^(?:,\s+(?:which|who|that)\b[^,;.]*|\s+(?:of|on|in|against|by)\b[^,;.]*)/.exec(
      text.slice(nounEnd, nounEnd + 160),
    );
    // A bare `the 2001 election` reads as a title, not as what happened; only a phrase that says
    // what or whom it was about (`the January 2020 assassination of ...`) stands as an event.
    if (!rest) continue;
    const phrase = text
      .slice(start, nounEnd + (rest?.[0].length ?? 0))
      .replace(/\s+/g, ' ')
      .trim();
    return { date: value, what: phrase.charAt(0).toUpperCase() + phrase.slice(1), timex: timex.id };
  }
  return undefined;
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

/**
 * `today` inside a quotation means the day it was said, not the document's day: when the sentence
 * dates the saying (`... today," he said on Wednesday`), that date is the event's, not `today`.
 */
function spokenDeixis(text: string, sentence: Span, timex: Span, dated: readonly Span[]): boolean {
  if (
    !/^(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week))$/i.test(
      text.slice(timex.start, timex.end),
    )
  )
    return false;
  const quoted = (span: Span) => insideQuotation(text.slice(sentence.start, span.start));
  return quoted(timex) && dated.some((other) => other !== timex && !quoted(other));
}

/** Whether the text before a point leaves a quotation open. */
function insideQuotation(before: string): boolean {
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return opened > 0 || (before.match(/"/g) ?? []).length % 2 === 1;
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
