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
import { DAY, datePairsWithinMonth, dayNumber, orderAgreement } from './date-pairs.js';

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

/** Which relations to look for: agreements alone need no pairwise comparison of figures. */
export interface Relations {
  conflicts: boolean;
  agreements: boolean;
}

export function findClaims(
  docs: readonly Doc[],
  lexicon: EventsLexicon = loadEventsLexicon(),
  wanted: Relations = { conflicts: true, agreements: true },
): Claim[] {
  const dates = docs.flatMap((doc) => dateClaims(doc, lexicon));
  const figures = docs.flatMap(figureClaims);
  return [...compareDates(dates, wanted), ...compareFigures(figures, wanted)];
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
      found.push({
        kind: 'date',
        relation: 'conflict',
        topic,
        evidence: [strip(a), strip(b)],
        note: `${topic}: ${a.value} and ${b.value} ${where} (${Math.abs(dayA - dayB)} days apart)`,
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
    found.push({
      kind: 'date',
      relation: 'agreement',
      topic,
      evidence: group.claims.map(strip),
      note: `${topic} on ${day} in ${docs.size} documents`,
    });
  }
  return found;
}

function compareFigures(claims: FigureClaim[], wanted: Relations): Claim[] {
  const byTopic = groupBy(claims, (claim) => claim.topic);
  const found: Claim[] = [];
  for (const [topic, group] of byTopic) {
    const byValue = groupBy(group, (claim) => claim.value);
    if (wanted.agreements)
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
    if (wanted.conflicts) for (const conflict of figureConflicts(topic, byValue)) found.push(conflict);
  }
  return found;
}

/**
 * Conflicts between the values of one topic within a factor of two, in the order the values were
 * first stated: sorting the values lets each meet only those up to twice its size, and the search
 * stops at `MAX_CONFLICTS_PER_TOPIC`.
 */
function figureConflicts(topic: string, byValue: ReadonlyMap<number, FigureClaim[]>): Claim[] {
  const values = [...byValue.keys()];
  const ascending = values.map((value, order) => ({ value, order })).sort((a, b) => a.value - b.value);
  const pairs: [number, number][] = [];
  for (let x = 0; x < ascending.length && pairs.length < MAX_CONFLICTS_PER_TOPIC; x++) {
    const low = ascending[x] as (typeof ascending)[number];
    for (let y = x + 1; y < ascending.length && pairs.length < MAX_CONFLICTS_PER_TOPIC; y++) {
      const high = ascending[y] as (typeof ascending)[number];
      if (high.value / low.value > 2) break;
      pairs.push(low.order < high.order ? [low.order, high.order] : [high.order, low.order]);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs.map(([i, j]) => {
    const [a, b] = [values[i] as number, values[j] as number];
    const first = (byValue.get(a) as FigureClaim[])[0] as FigureClaim;
    const second = (byValue.get(b) as FigureClaim[])[0] as FigureClaim;
    return {
      kind: 'figure',
      relation: 'conflict',
      topic,
      evidence: [strip(first), strip(second)],
      note: `${topic}: ${a} and ${b}`,
    };
  });
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function strip(claim: ClaimEvidence): ClaimEvidence {
  return { doc: claim.doc, start: claim.start, end: claim.end, text: claim.text, value: claim.value };
}
