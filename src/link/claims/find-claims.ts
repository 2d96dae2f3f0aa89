/**
 * Claims across and within articles.
 * - A date claim is an event (nlp/events) whose sentence names the happening with a word that
 *   tells one from another of its kind (`the Iraqi parliament`, `the Baghdad attack`: an event noun
 *   of data/events/lexicon.json with its modifier) close to the date, outside any quotation that
 *   does not hold the date. Two such claims conflict when they give one happening two days less than
 *   a month apart (within one article or between two), and agree on the same day from two articles.
 * - A figure claim is a figure (nlp/figures) with its subject, measure, unit, time and qualifier
 *   (statements.ts); see compare-figures.ts for when two conflict or agree.
 * Copies of one article (one version group) never agree with each other; two versions that give one
 * figure two values conflict (a correction), two that give one happening two days do not.
 * Pure over documents: the store calls it over a story cluster or the whole corpus.
 */
import type { Doc, Span } from '../../model/index.js';
import { type EventsLexicon, eventTopics, loadEventsLexicon } from '../../nlp/events/index.js';
import { compareFigureStatements, figureEvidence } from './compare-figures.js';
import { DAY, datePairsWithinMonth, dayNumber, orderAgreement } from './date-pairs.js';
import {
  type ClaimsLexicon,
  type CountryNames,
  countryNames,
  createStatementReader,
  type FigureStatement,
  loadClaimsLexicon,
  type StatementReader,
} from './statements.js';

export interface ClaimEvidence {
  doc: string;
  start: number;
  end: number;
  /** The sentence or phrase that states it. */
  text: string;
  /** The value as stated: a TIMEX3 date or a number. */
  value: string | number;
  /** Where the date or figure sits inside the sentence (document offsets), to highlight it. */
  mark?: { start: number; end: number };
  /** What the statement was read as: its subject (entities), measure, unit, time and qualifier. */
  subject?: string[];
  measure?: string;
  unit?: string;
  time?: string;
  qualifier?: string;
}

/** Why two statements were compared: what they share. */
export interface ClaimReason {
  subject: string;
  measure: string;
  time?: string;
}

export interface Claim {
  kind: 'date' | 'figure';
  relation: 'conflict' | 'agreement';
  /** What the claims are about: an event-noun group (`bill`) or a counted head noun (`troop`). */
  topic: string;
  evidence: ClaimEvidence[];
  note: string;
  why?: ClaimReason;
}

export interface DateClaim extends ClaimEvidence {
  value: string;
  topics: string[];
}

/** Which relations to look for: agreements alone need no pairwise comparison of figures. */
export interface Relations {
  conflicts: boolean;
  agreements: boolean;
}

export interface FindClaimsOptions {
  /** The version group of a document (by the name claims report): copies never agree. */
  copyOf?: (doc: string) => string;
  /** Demonyms and country names → the country's usual name, so `American troops` and `US troops` meet. */
  countries?: CountryNames;
  statements?: StatementReader;
  lexicon?: ClaimsLexicon;
}

/** What one document states that claims compare: its named, dated happenings and its figure statements. */
export interface ClaimFacts {
  dates: DateClaim[];
  figures: FigureStatement[];
}

/** What reading a document for claims needs, loaded once for a whole corpus. */
export interface ClaimReading {
  lexicon: EventsLexicon;
  functionWords: ReadonlySet<string>;
  statements: StatementReader;
}

export function claimReading(
  lexicon: EventsLexicon = loadEventsLexicon(),
  options: Pick<FindClaimsOptions, 'countries' | 'statements' | 'lexicon'> = {},
): ClaimReading {
  const claimsLexicon = options.lexicon ?? loadClaimsLexicon();
  return {
    lexicon,
    functionWords: new Set(claimsLexicon.functionWords),
    statements: options.statements ?? createStatementReader(claimsLexicon, options.countries ?? countryNames()),
  };
}

/** The claims one document states, each naming it `name` (plain JSON, so they can be kept per document). */
export function readClaimFacts(doc: Doc, reading: ClaimReading, name = docName(doc)): ClaimFacts {
  return {
    dates: dateClaims(doc, name, reading.lexicon, reading.functionWords),
    figures: reading.statements.read(doc, name),
  };
}

export function findClaims(
  docs: readonly Doc[],
  lexicon: EventsLexicon = loadEventsLexicon(),
  wanted: Relations = { conflicts: true, agreements: true },
  options: FindClaimsOptions = {},
): Claim[] {
  const reading = claimReading(lexicon, options);
  return compareClaims(
    docs.map((doc) => readClaimFacts(doc, reading)),
    wanted,
    options.copyOf,
  );
}

/** Conflicts and agreements among the claims of several documents (each document's facts once). */
export function compareClaims(
  facts: readonly ClaimFacts[],
  wanted: Relations = { conflicts: true, agreements: true },
  copyOf: (doc: string) => string = (doc) => doc,
): Claim[] {
  const dates = facts.flatMap((each) => each.dates);
  const figures = facts.flatMap((each) => each.figures);
  const dateFindings = compareDates(dates, wanted).filter((claim) => !betweenCopies(claim, copyOf));
  const figureFindings = compareFigureStatements(figures, wanted, copyOf, MAX_CONFLICTS_PER_TOPIC).map(
    (match): Claim => {
      const values = match.statements.map((statement) => statement.value);
      const docsCount = new Set(match.statements.map((statement) => statement.doc)).size;
      const when = match.time ? ` (${match.time})` : '';
      const unit = match.unit ? ` ${match.unit}` : '';
      return {
        kind: 'figure',
        relation: match.relation,
        topic: match.measure,
        evidence: match.statements.map(figureEvidence),
        note:
          match.relation === 'conflict'
            ? `${match.measure} of ${match.subject}${when}: ${values.join(' and ')}${unit}`
            : `${match.measure} of ${match.subject}${when}: ${values[0]}${unit} in ${docsCount} documents`,
        why: {
          subject: match.subject,
          measure: match.unit ? `${match.measure} (${match.unit})` : match.measure,
          ...(match.time ? { time: match.time } : {}),
        },
      };
    },
  );
  return [...dateFindings, ...figureFindings];
}

/**
 * Copies of one article say nothing about each other: an agreement needs two version groups, and a
 * conflict is inside one document or between two groups.
 */
function betweenCopies(claim: Claim, copyOf: (doc: string) => string): boolean {
  const groups = new Set(claim.evidence.map((evidence) => copyOf(evidence.doc)));
  if (claim.relation === 'agreement') return groups.size < 2;
  const [first, second] = claim.evidence;
  return groups.size < 2 && first?.doc !== second?.doc;
}

function docName(doc: Doc): string {
  return doc.externalId ?? doc.source.uri ?? doc.id;
}

function dateClaims(doc: Doc, name: string, lexicon: EventsLexicon, functionWords: ReadonlySet<string>): DateClaim[] {
  return (doc.layers.events ?? []).flatMap((event: Span) => {
    const value = String(event.attrs?.written ?? event.attrs?.date ?? '');
    if (!DAY.test(value)) return [];
    const sentence = doc.text.slice(event.start, event.end);
    // A happening named after `before`, `after`, `ahead of` only places another in time
    // (`just before a crucial Commons vote`): the date is not its date, so it is not read.
    const compared = sentence.toLowerCase().replace(TIME_ANCHOR, (anchor) => ' '.repeat(anchor.length));
    const mark = timexRange(event, doc.text.length);
    const topics = eventTopics(compared, lexicon).flatMap((group) =>
      namedHappenings(
        compared,
        mark ? { start: mark.start - event.start, end: mark.end - event.start } : undefined,
        group,
        lexicon,
        functionWords,
      ),
    );
    if (topics.length === 0) return [];
    return [
      {
        doc: name,
        start: event.start,
        end: event.end,
        text: sentence,
        value,
        ...(mark ? { mark } : {}),
        topics,
      },
    ];
  });
}

/** The date's offsets, from the event's `timex` reference (`timexes:569-584:DATE`). */
function timexRange(event: Span, length: number): { start: number; end: number } | undefined {
  const match = /^timexes:(\d+)-(\d+)/.exec(String(event.attrs?.timex ?? ''));
  if (!match) return undefined;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start >= event.start && end <= event.end && end <= length ? { start, end } : undefined;
}

/** A preposition that places one happening by another, and the noun phrase after it. */
const TIME_ANCHOR =
  /\b(?:after|before|ahead of|following|prior to|in the run-up to|pending|since|until|till)\s+(?:[\p{L}\d’'-]+\s*){1,5}/gu;

/** Words apart that still tie an event noun to the date of its sentence. */
const NEAR_DATE = 10;

/**
 * The happenings of one event-noun group a sentence names and dates: an event noun with the word
 * before it that tells it apart (`iraqi parliament`, `baghdad attack`; never a determiner or a
 * pronoun), at most ten words from the date with no quotation mark between. Each becomes a topic
 * `bill:iraqi parliament`, so `the vote` of one story never meets `the vote` of another.
 */
function namedHappenings(
  sentence: string,
  date: { start: number; end: number } | undefined,
  topic: string,
  lexicon: EventsLexicon,
  functionWords: ReadonlySet<string>,
): string[] {
  if (!date) return [];
  const group = lexicon.eventNouns.find((nouns) => nouns[0] === topic) ?? [topic];
  const found = new Set<string>();
  for (const noun of group) {
    const pattern = new RegExp(`([\\p{L}][\\p{L}’'-]*)\\s+${noun}\\b`, 'gu');
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      const modifier = (match[1] as string).replace(/[’']s$/, '');
      if (functionWords.has(modifier) || /\d/.test(modifier)) continue;
      const [from, to] =
        match.index < date.start ? [match.index + match[0].length, date.start] : [date.end, match.index];
      const between = sentence.slice(from, to);
      if (/["“”]/.test(between) || (between.match(/[\p{L}\d]+/gu) ?? []).length > NEAR_DATE) continue;
      found.add(`${topic}:${modifier} ${noun}`);
    }
  }
  return [...found];
}

/**
 * Most conflicts kept per topic and kind from one comparison (one story, or the corpus with scope
 * `corpus`). A topic stated with many different days or values (a hostile or machine-made corpus)
 * has conflicts in the square of its claims; past this many they tell a reader nothing and only
 * cost time. Normal stories stay far below it; over a whole news corpus only topics like `dlr`
 * (82,206 conflicts among 5,000 Reuters articles) reach it.
 */
export const MAX_CONFLICTS_PER_TOPIC = 10_000;

function compareDates(claims: DateClaim[], wanted: Relations): Claim[] {
  const found: Claim[] = [];
  const agreed = new Map<string, { claims: DateClaim[]; members: Set<DateClaim>; first: [number, number] }>();
  const conflictsByTopic = new Map<string, number>();
  // Read once per claim, not once per pair: a busy day pairs each claim with hundreds of others.
  const ownDays = claims.map((claim) => dayNumber(claim.value));
  const isoDays = new Map<number, string>();
  const isoDay = (day: number) => {
    const known = isoDays.get(day);
    if (known !== undefined) return known;
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoDays.set(day, iso);
    return iso;
  };
  // Only pairs that share a topic and lie within a month can agree or conflict; the rest are not visited.
  const { pairs, buckets } = datePairsWithinMonth(claims, wanted, MAX_CONFLICTS_PER_TOPIC);
  for (const [i, j] of pairs) {
    const a = claims[i] as DateClaim;
    const b = claims[j] as DateClaim;
    const topic =
      a.topics.length === 1 && b.topics.length === 1 ? a.topics[0] : a.topics.find((name) => b.topics.includes(name));
    if (!topic) continue;
    const dayA = ownDays[i] ?? dayNumber(a.value, b.value);
    const dayB = ownDays[j] ?? dayNumber(b.value, a.value);
    if (dayA === undefined || dayB === undefined) continue;
    if (dayA === dayB) {
      if (a.doc === b.doc || !wanted.agreements) continue;
      const key = `${topic}|${isoDay(dayA)}`;
      const group = agreed.get(key) ?? { claims: [], members: new Set(), first: [i, j] };
      for (const claim of [a, b])
        if (!group.members.has(claim)) {
          group.members.add(claim);
          group.claims.push(claim);
        }
      agreed.set(key, group);
    } else if (Math.abs(dayA - dayB) <= 31 && wanted.conflicts) {
      const count = conflictsByTopic.get(topic) ?? 0;
      if (count >= MAX_CONFLICTS_PER_TOPIC) continue;
      conflictsByTopic.set(topic, count + 1);
      const where = a.doc === b.doc ? `within ${a.doc}` : `between ${a.doc} and ${b.doc}`;
      const reason = dateReason(topic, 'within a month');
      found.push({
        kind: 'date',
        relation: 'conflict',
        topic: reason.topic,
        evidence: [strip(a), strip(b)],
        note: `${reason.why.subject}: ${a.value} and ${b.value} ${where} (${Math.abs(dayA - dayB)} days apart)`,
        why: reason.why,
      });
    }
  }
  for (const bucket of buckets) {
    const ordered = orderAgreement(bucket, claims);
    if (!ordered) continue;
    const members = ordered.members.map((index) => claims[index] as DateClaim);
    agreed.set(`${bucket.topic}|${isoDay(bucket.day)}`, {
      claims: members,
      members: new Set(members),
      first: ordered.first,
    });
  }
  // In the order each agreement's first pair comes in, as when every pair was compared in turn.
  const groups = [...agreed].sort(([, a], [, b]) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
  for (const [key, group] of groups) {
    const [topic, day] = key.split('|') as [string, string];
    const docs = new Set(group.claims.map((claim) => claim.doc));
    const reason = dateReason(topic, day);
    found.push({
      kind: 'date',
      relation: 'agreement',
      topic: reason.topic,
      evidence: group.claims.map(strip),
      note: `${reason.why.subject} on ${day} in ${docs.size} documents`,
      why: reason.why,
    });
  }
  return found;
}

function strip(claim: DateClaim): ClaimEvidence {
  const { topics, ...evidence } = claim;
  return evidence;
}

/** `bill:iraqi parliament` → the group shown as the topic and why two dates were compared. */
function dateReason(key: string, days: string): { topic: string; why: ClaimReason } {
  const [topic, happening] = key.split(':') as [string, string];
  return { topic, why: { subject: happening, measure: 'day', time: days } };
}
