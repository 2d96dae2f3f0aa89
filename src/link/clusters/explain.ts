import type { Doc } from '../../model/index.js';
import { type EventSignature, extractEventSignature } from './event-signature.js';
import { extractStoryTerms, loadStopwords } from './story-terms.js';

/** Why a document sits in its story, read from what it shares with the other members. */
export interface MembershipReason {
  /** Words it shares with most of the other members, most shared first. */
  sharedWords: string[];
  /** A day it states (published or in its lead) within two days of one another member states. */
  sameDay?: string;
  places: string[];
  people: string[];
  /** Parts of its signature no other member agrees with while several state their own: `places: oslo`. */
  disagreements: string[];
}

const SHOWN_WORDS = 6;
const NEAR_DAYS = 2;

/** Members stating a part of the signature before a member sharing none of it counts as disagreeing. */
const DISAGREEING_OTHERS = 2;

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Items of one member that other members state too, and whether it disagrees with all of them. */
function agreement(
  own: readonly string[],
  others: readonly (readonly string[])[],
): { shared: string[]; disagrees: boolean } {
  const stating = others.filter((list) => list.length > 0);
  const shared = own.filter((item) => stating.some((list) => list.includes(item)));
  return { shared, disagrees: own.length > 0 && shared.length === 0 && stating.length >= DISAGREEING_OTHERS };
}

/** A reason per member, in the order given. Only the members' own layers are read. */
export function explainMembers(docs: readonly Pick<Doc, 'text' | 'meta' | 'layers'>[]): MembershipReason[] {
  const stopwords = loadStopwords();
  const words = docs.map(
    (doc) => new Set([...extractStoryTerms(doc, stopwords).keys()].filter((term) => /^\p{L}+$/u.test(term))),
  );
  const signatures: EventSignature[] = docs.map((doc) => extractEventSignature(doc, stopwords));
  const documentFrequency = new Map<string, number>();
  for (const set of words) for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  return docs.map((_, i) => {
    const own = signatures[i] as EventSignature;
    const others = signatures.filter((_, j) => j !== i);
    const sharedWords = [...(words[i] as Set<string>)]
      .map((word) => ({ word, others: (documentFrequency.get(word) ?? 1) - 1 }))
      .filter(({ others: count }) => count > 0 && count * 2 >= docs.length - 1)
      .sort((a, b) => b.others - a.others || a.word.localeCompare(b.word))
      .slice(0, SHOWN_WORDS)
      .map(({ word }) => word);
    const reason: MembershipReason = { sharedWords, places: [], people: [], disagreements: [] };
    const day = own.days.find((mine) =>
      others.some((other) => other.days.some((theirs) => Math.abs(theirs - mine) <= NEAR_DAYS)),
    );
    if (day !== undefined) reason.sameDay = isoDay(day);
    const places = agreement(
      own.places,
      others.map((other) => other.places),
    );
    const people = agreement(
      own.participants,
      others.map((other) => other.participants),
    );
    const years = agreement(
      own.years.map(String),
      others.map((other) => other.years.map(String)),
    );
    reason.places = places.shared;
    reason.people = people.shared;
    if (places.disagrees) reason.disagreements.push(`places: ${own.places.join(', ')}`);
    if (people.disagrees) reason.disagreements.push(`people: ${own.participants.join(', ')}`);
    if (years.disagrees) reason.disagreements.push(`years: ${own.years.join(', ')}`);
    return reason;
  });
}
