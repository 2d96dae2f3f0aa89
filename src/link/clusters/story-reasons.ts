/**
 * Why a document is in its story, in the terms that placed it there: the names, words, numbers,
 * dates and quoted words it shares with the story's other members (their story terms, as linking
 * weighed them). A member that shares almost nothing with the rest is flagged, since online
 * placing can leave a document where later evidence would not put it.
 */
import { loadStoryPrior, type StoryPrior } from './story-prior.js';
import type { StoryTerms } from './story-terms.js';

export interface MemberReason {
  /** Names it shares: the entities' names first, then other capitalised words, most telling first. */
  names: string[];
  words: string[];
  numbers: string[];
  dates: string[];
  /** How many three-word runs of quoted speech it shares. */
  quotedWords: number;
  /** Shares fewer than `WEAK_LINK` terms with the other members: worth a second look. */
  weak: boolean;
}

/** Fewer shared terms than this (quoted trigrams aside) and a member is flagged. */
export const WEAK_LINK = 3;
const SHOWN = 6;

/**
 * Reasons for each of `members`, against the other documents of `sample` (a sample of the
 * story's members with their terms; the members themselves may be in it).
 */
export function storyReasons(
  members: readonly { id: string; terms: StoryTerms }[],
  sample: readonly { id: string; terms: StoryTerms }[],
  options: {
    /** Names as the texts write them, by their lower-case form (`bbc news` → `BBC News`). */
    spelled?: ReadonlyMap<string, string>;
    /** Background document frequencies, so that common words (`get`, `way`) rank below telling ones. */
    prior?: StoryPrior | null;
  } = {},
): Map<string, MemberReason> {
  const spelled = options.spelled ?? new Map<string, string>();
  const prior = options.prior === undefined ? loadStoryPrior() : options.prior;
  const rarity = (term: string) => (prior ? Math.log((prior.docs + 1) / ((prior.df.get(term) ?? 0) + 1)) + 1 : 1);
  const holders = new Map<string, number>();
  for (const { terms } of sample) for (const term of terms.keys()) holders.set(term, (holders.get(term) ?? 0) + 1);
  const sampled = new Set(sample.map(({ id }) => id));
  const reasons = new Map<string, MemberReason>();
  for (const member of members) {
    const self = sampled.has(member.id) ? 1 : 0;
    const others = sample.length - self;
    if (others === 0) continue;
    // In a large story a term counts as shared when a fifth of the others have it, in a small one when any does.
    const needed = Math.max(1, Math.ceil(others * 0.2));
    const shared = [...member.terms]
      .map(([term, weight]) => {
        const others = (holders.get(term) ?? 0) - self;
        return { term, holders: others, score: weight * rarity(term) * Math.log1p(others) };
      })
      .filter((entry) => entry.holders >= needed)
      .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
    const of = (kind: ReturnType<typeof termKind>) =>
      shared.filter(({ term }) => termKind(term) === kind).map(({ term }) => term.slice(2));
    const names = [...new Set([...of('name'), ...of('capital')])].slice(0, SHOWN);
    const inNames = new Set(names.flatMap((name) => name.split(' ')));
    const quoted = shared.filter(({ term }) => term.startsWith('q:')).length;
    // Calendar dates only: `PRESENT_REF` or `XXXX-WXX-2` tell a reader nothing.
    const dates = of('date').filter((value) => CALENDAR.test(value));
    reasons.set(member.id, {
      names: names.map((name) => spelled.get(name) ?? titleCase(name)),
      // A word of a name shown already says nothing more.
      words: shared
        .filter(({ term }) => termKind(term) === 'word' && !inNames.has(term))
        .slice(0, SHOWN)
        .map(({ term }) => term),
      numbers: readableNumbers(of('number'), dates).slice(0, SHOWN),
      dates: dates.slice(0, SHOWN).map(writtenDate),
      quotedWords: quoted,
      weak: shared.length - quoted < WEAK_LINK,
    });
  }
  return reasons;
}

const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * The shared numbers a reader can make sense of: not a year the dates show already, and not the
 * group of a number's thousands that its words left alone (`000` of `20,000`).
 */
function readableNumbers(numbers: readonly string[], dates: readonly string[]): string[] {
  const years = new Set(dates.map((date) => date.slice(0, 4)));
  return numbers.filter((number) => !years.has(number) && !/^0\d\d$/u.test(number));
}
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2004-06` as `June 2004`, `2004-06-03` as `3 June 2004`. */
function writtenDate(value: string): string {
  if (value.length === 4) return value;
  const date = new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return (value.length === 7 ? MONTH : DAY).format(date);
}

/** Story terms are lower case; names read better with capitals (`gordon brown` → `Gordon Brown`). */
function titleCase(name: string): string {
  return name.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function termKind(term: string): 'name' | 'capital' | 'number' | 'date' | 'quote' | 'word' {
  if (term.startsWith('n:')) return 'name';
  if (term.startsWith('c:')) return 'capital';
  if (term.startsWith('#:')) return 'number';
  if (term.startsWith('t:')) return 'date';
  if (term.startsWith('q:')) return 'quote';
  return 'word';
}
