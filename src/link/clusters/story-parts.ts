/** Small pieces of the story index: an empty story, a story's size, days and log term frequency. */
import type { Story } from './story-types.js';

/** How many of a document's most weighty terms look up the stories it is compared with. */
const CANDIDATE_TERMS = 20;

/** A document's most weighty terms (all of them when it has few), in the order they are looked up. */
export function candidateTerms(weighted: { terms: string[]; weights: Float64Array }): string[] {
  const order = weighted.terms.map((_, i) => i);
  if (order.length > CANDIDATE_TERMS)
    order.sort((a, b) => (weighted.weights[b] as number) - (weighted.weights[a] as number));
  return order.slice(0, CANDIDATE_TERMS).map((i) => weighted.terms[i] as string);
}

/** A kept story's centroid is read before its terms are compared or changed. */
export function assertCentroidRead(story: Story): void {
  if (story.centroidUnread) throw new RangeError(`the centroid of kept story ${story.id} is not read yet`);
}

export function emptyStory(id: number): Story {
  return { id, members: [], keptMembers: 0, keptDays: [], centroid: new Map(), quoteTerms: 0 };
}

/** Members of a story, kept and held. */
export function size(story: Story): number {
  return story.keptMembers + story.members.length;
}

/** Days since 1970 of an ISO date, NaN when there is none. */
export function dayNumber(date: string | undefined): number {
  return date ? Date.parse(date) / 86_400_000 : Number.NaN;
}

export function logTf(count: number): number {
  return 1 + Math.log(count > 1 ? count : 1);
}
