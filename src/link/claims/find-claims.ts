/**
 * Claims across and within articles. A date claim is an event (nlp/events) about a kind of happening
 * (the event-noun groups of data/events/lexicon.json: `bill`/`law`/`parliament`, `attack`/`strike`/...);
 * a figure claim is a figure (nlp/figures) with the head noun of what it counts (`US troops` → troop).
 * - conflict: the same kind of event given two different days less than a month apart, or the same
 *   counted thing given two different values within a factor of two; both pieces of evidence are kept.
 * - agreement: the same day or the same value for the same thing, stated in two or more documents.
 * Pure over documents: the store calls it over a story cluster or the whole corpus.
 */
import type { Doc, Span } from '../../model/index.js';
import { type EventsLexicon, eventTopics, loadEventsLexicon } from '../../nlp/events/index.js';

export interface ClaimEvidence {
  doc: string;
  start: number;
  end: number;
  /** The sentence or phrase that states it. */
  text: string;
  /** The value as stated: a TIMEX3 date or a number. */
  value: string | number;
}

export interface Claim {
  kind: 'date' | 'figure';
  relation: 'conflict' | 'agreement';
  /** What the claims are about: an event-noun group (`bill`) or a counted head noun (`troop`). */
  topic: string;
  evidence: ClaimEvidence[];
  note: string;
}

interface DateClaim extends ClaimEvidence {
  value: string;
  topics: string[];
}

interface FigureClaim extends ClaimEvidence {
  value: number;
  topic: string;
}

const DAY = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/;

export function findClaims(docs: readonly Doc[], lexicon: EventsLexicon = loadEventsLexicon()): Claim[] {
  const dates = docs.flatMap((doc) => dateClaims(doc, lexicon));
  const figures = docs.flatMap(figureClaims);
  return [...compareDates(dates), ...compareFigures(figures)];
}

function docName(doc: Doc): string {
  return doc.externalId ?? doc.source.uri ?? doc.id;
}

function dateClaims(doc: Doc, lexicon: EventsLexicon): DateClaim[] {
  return (doc.layers.events ?? []).flatMap((event: Span) => {
    const value = String(event.attrs?.written ?? event.attrs?.date ?? '');
    if (!DAY.test(value)) return [];
    let sentence = doc.text.slice(event.start, event.end).toLowerCase();
    // An anchored event is about its main clause, not the event it counts from (`after the attack`).
    if (event.attrs?.dating === 'anchored')
      sentence = sentence.replace(/\b(?:after|before)\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){0,4}/, ' ');
    const topics = eventTopics(sentence, lexicon);
    if (topics.length === 0) return [];
    return [
      {
        doc: docName(doc),
        start: event.start,
        end: event.end,
        text: doc.text.slice(event.start, event.end),
        value,
        topics,
      },
    ];
  });
}

function figureClaims(doc: Doc): FigureClaim[] {
  return (doc.layers.figures ?? []).flatMap((figure: Span) => {
    const value = Number(figure.attrs?.value);
    const unit = String(figure.attrs?.unit ?? '');
    const phrase = doc.text.slice(figure.start, figure.end);
    // Small counts written in words (`two days`) repeat everywhere without being claims.
    if (!Number.isFinite(value) || value < 10 || !/\d/.test(phrase) || unit === 'percent') return [];
    const head = unit.split(/\s+/).pop()?.toLowerCase().replace(/s$/, '') ?? '';
    if (!head) return [];
    return [{ doc: docName(doc), start: figure.start, end: figure.end, text: phrase, value, topic: head }];
  });
}

function dayNumber(value: string, yearFrom?: string): number | undefined {
  const match = DAY.exec(value);
  if (!match) return undefined;
  const year = match[1] === 'XXXX' ? (yearFrom ? DAY.exec(yearFrom)?.[1] : undefined) : match[1];
  if (!year || year === 'XXXX') return undefined;
  return Date.UTC(Number(year), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function compareDates(claims: DateClaim[]): Claim[] {
  const found: Claim[] = [];
  const agreed = new Map<string, DateClaim[]>();
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i] as DateClaim;
      const b = claims[j] as DateClaim;
      const topic = a.topics.find((name) => b.topics.includes(name));
      if (!topic) continue;
      const dayA = dayNumber(a.value, b.value);
      const dayB = dayNumber(b.value, a.value);
      if (dayA === undefined || dayB === undefined) continue;
      if (dayA === dayB) {
        if (a.doc === b.doc) continue;
        const key = `${topic}|${new Date(dayA * 86_400_000).toISOString().slice(0, 10)}`;
        const group = agreed.get(key) ?? [];
        for (const claim of [a, b]) if (!group.includes(claim)) group.push(claim);
        agreed.set(key, group);
      } else if (Math.abs(dayA - dayB) <= 31) {
        const where = a.doc === b.doc ? `within ${a.doc}` : `between ${a.doc} and ${b.doc}`;
        found.push({
          kind: 'date',
          relation: 'conflict',
          topic,
          evidence: [strip(a), strip(b)],
          note: `${topic}: ${a.value} and ${b.value} ${where} (${Math.abs(dayA - dayB)} days apart)`,
        });
      }
    }
  }
  for (const [key, group] of agreed) {
    const [topic, day] = key.split('|') as [string, string];
    const docs = new Set(group.map((claim) => claim.doc));
    found.push({
      kind: 'date',
      relation: 'agreement',
      topic,
      evidence: group.map(strip),
      note: `${topic} on ${day} in ${docs.size} documents`,
    });
  }
  return found;
}

function compareFigures(claims: FigureClaim[]): Claim[] {
  const byTopic = new Map<string, FigureClaim[]>();
  for (const claim of claims) byTopic.set(claim.topic, [...(byTopic.get(claim.topic) ?? []), claim]);
  const found: Claim[] = [];
  for (const [topic, group] of byTopic) {
    const byValue = new Map<number, FigureClaim[]>();
    for (const claim of group) byValue.set(claim.value, [...(byValue.get(claim.value) ?? []), claim]);
    for (const [value, same] of byValue) {
      const docs = new Set(same.map((claim) => claim.doc));
      if (docs.size >= 2)
        found.push({
          kind: 'figure',
          relation: 'agreement',
          topic,
          evidence: same.map(strip),
          note: `${value} ${topic}s in ${docs.size} documents`,
        });
    }
    const values = [...byValue.keys()];
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++) {
        const [a, b] = [values[i] as number, values[j] as number];
        if (Math.max(a, b) / Math.min(a, b) > 2) continue;
        const first = (byValue.get(a) as FigureClaim[])[0] as FigureClaim;
        const second = (byValue.get(b) as FigureClaim[])[0] as FigureClaim;
        found.push({
          kind: 'figure',
          relation: 'conflict',
          topic,
          evidence: [strip(first), strip(second)],
          note: `${topic}: ${a} and ${b}`,
        });
      }
    }
  }
  return found;
}

function strip(claim: ClaimEvidence): ClaimEvidence {
  return { doc: claim.doc, start: claim.start, end: claim.end, text: claim.text, value: claim.value };
}
