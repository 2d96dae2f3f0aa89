import { LedeError } from '../errors.js';
import { DUPLICATES_STATE, STORIES_STATE, type StoredDuplicateGroup, type StoredStory } from '../link/index.js';
import type { CorpusStateStore, StoryIndex } from '../store/index.js';
import { cachedCorpusState } from './cached-state.js';

export const NOT_LINKED = 'the corpus has not been linked yet: run lede link';

export interface StoriesQuery {
  /** Only stories with at least this many documents. */
  minMembers?: number;
  /** Stories of several documents first (each part in stored order), then the single-document ones. */
  clustersFirst?: boolean;
  /** Only stories with a document from this outlet. */
  outlet?: string;
  /** Only stories with one of these documents (those mentioning an entity). */
  withDocuments?: ReadonlySet<string>;
  /** Only dated stories whose dates reach into [from, to] (YYYY, YYYY-MM or YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /**
   * `size`: most documents first; `newest` / `oldest`: by the story's last / first date, undated
   * stories last. Stored order when absent. Ties keep stored order.
   */
  sort?: StoriesSort;
  offset?: number;
  limit?: number;
}

export const STORIES_SORTS = ['size', 'newest', 'oldest'] as const;
export type StoriesSort = (typeof STORIES_SORTS)[number];

export interface StoriesPage {
  /** Every stored story, before the filter and the page. */
  stored: number;
  /** Stories that pass the filter, before the page. */
  total: number;
  stories: StoredStory[];
}

export interface StoryMember {
  id: string;
  headline?: string;
  outlet?: string;
  published?: string;
}

/** The stored stories, filtered, ordered and paged; undefined before the corpus is first linked. */
export async function queryStories(
  store: CorpusStateStore,
  query: StoriesQuery = {},
): Promise<StoriesPage | undefined> {
  const stored = await cachedCorpusState(store, STORIES_STATE);
  if (!stored) return undefined;
  // Ordered first, then filtered: filtering keeps the order, and the order of one version of the
  // stories is sorted once (tens of thousands of stories take tens of milliseconds to sort). Without
  // a filter a page is a slice: walking every story on each request was most of a list's time.
  const inOrder = orderedStories(stored, query.sort, query.clustersFirst === true);
  const ordered = isFiltered(query)
    ? inOrder.filter(
        (story) =>
          story.memberIds.length >= (query.minMembers ?? 1) &&
          (!query.outlet || story.outlets.includes(query.outlet)) &&
          (!query.withDocuments || story.memberIds.some((id) => query.withDocuments?.has(id))) &&
          withinDates(story, query.from, query.to),
      )
    : inOrder;
  const offset = query.offset ?? 0;
  return {
    stored: stored.length,
    total: ordered.length,
    stories: ordered.slice(offset, offset + (query.limit ?? ordered.length)),
  };
}

function isFiltered(query: StoriesQuery): boolean {
  return (
    (query.minMembers ?? 1) > 1 ||
    Boolean(query.outlet) ||
    query.withDocuments !== undefined ||
    Boolean(query.from) ||
    Boolean(query.to)
  );
}

/**
 * Parses the stored stories and sorts them in every order a list asks for, so the first readers
 * after a start or a link do not wait for it; a no-op before the corpus is first linked.
 */
export async function prepareStories(store: CorpusStateStore): Promise<void> {
  const stored = await cachedCorpusState(store, STORIES_STATE);
  if (!stored) return;
  for (const sort of [undefined, ...STORIES_SORTS]) orderedStories(stored, sort, false);
}

const orders = new WeakMap<readonly StoredStory[], Map<string, StoredStory[]>>();

/** The stories in one order, computed once per parsed version of them (`cachedCorpusState`). */
function orderedStories(
  stored: readonly StoredStory[],
  sort: StoriesSort | undefined,
  clustersFirst: boolean,
): readonly StoredStory[] {
  const key = `${sort ?? 'stored'}:${clustersFirst}`;
  let byKey = orders.get(stored);
  if (!byKey) {
    byKey = new Map();
    orders.set(stored, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const clustered = clustersFirst
    ? stored
        .filter((story) => story.memberIds.length > 1)
        .concat(stored.filter((story) => story.memberIds.length === 1))
    : [...stored];
  const ordered = sort ? clustered.sort(STORY_ORDER[sort]) : clustered;
  byKey.set(key, ordered);
  return ordered;
}

/** Whether a story's dates reach into the period; a bound compares at its own precision (`2005` holds all of 2005). */
function withinDates(story: StoredStory, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!story.dates) return false;
  return (
    (!from || story.dates.last.slice(0, from.length) >= from) && (!to || story.dates.first.slice(0, to.length) <= to)
  );
}

/** Undated stories sort after dated ones whichever the direction. */
function byDate(pick: (story: StoredStory) => string | undefined, direction: 1 | -1) {
  return (a: StoredStory, b: StoredStory) => {
    const left = pick(a);
    const right = pick(b);
    if (left === undefined || right === undefined) return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);
    return direction * left.localeCompare(right);
  };
}

const STORY_ORDER: Record<StoriesSort, (a: StoredStory, b: StoredStory) => number> = {
  size: (a, b) => b.memberIds.length - a.memberIds.length,
  newest: byDate((story) => story.dates?.last, -1),
  oldest: byDate((story) => story.dates?.first, 1),
};

/**
 * A story's documents as a list shows them: the `limit` most recent (all by default), oldest first
 * (undated first); documents no longer stored are left out.
 */
export async function storyMembers(
  store: StoryIndex,
  story: StoredStory,
  limit = story.memberIds.length,
): Promise<StoryMember[]> {
  // Read by story from the links' index, in order: a list of stories never loads the articles, nor
  // passes a story's thousands of ids to SQL.
  const { members } = await store.storyMembers(story.id, { order: 'newest', offset: 0, limit, versions: false });
  return members.reverse().map(({ id, headline, outlet, published }) => ({ id, headline, outlet, published }));
}

/** The stored groups of versions; undefined before the corpus is first linked. */
export function queryDuplicates(store: CorpusStateStore): Promise<StoredDuplicateGroup[] | undefined> {
  return store.getCorpusState(DUPLICATES_STATE);
}

/** For callers that cannot answer without links: the error names the command that makes them. */
export function requireLinked<T>(value: T | undefined): T {
  if (value === undefined) throw new LedeError('NOT_FOUND', `${NOT_LINKED} (or lede ingest)`);
  return value;
}
