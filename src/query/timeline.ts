import { computeTimeline, filterTimeline, readTimeline, type SourcedTimelineEntry } from '../link/index.js';
import type { CorpusIndex, Store, TimelineEntry, TimelineQuery } from '../store/index.js';

/** Every dated expression and event of the span index, one per mention, in date order. */
export function timelineMentions(store: CorpusIndex, query: TimelineQuery): Promise<TimelineEntry[]> {
  return store.timeline(query);
}

export interface MergedTimelineQuery {
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
  /** Rebuild (and save) the merged timeline from the stored documents first. */
  recompute?: boolean;
}

/** One entry per event with every source, from the saved timeline; undefined when it was never computed. */
export async function mergedTimeline(
  store: Store,
  query: MergedTimelineQuery,
): Promise<SourcedTimelineEntry[] | undefined> {
  const { recompute, limit, ...filter } = query;
  const entries = recompute
    ? filterTimeline((await computeTimeline(store)).entries, filter)
    : await readTimeline(store, filter);
  return entries?.slice(0, limit);
}

/** Date prefix lengths of the periods a timeline is counted by. */
export const TIMELINE_ZOOMS = { year: 4, month: 7, day: 10 } as const;
export type TimelineZoom = keyof typeof TIMELINE_ZOOMS;

export interface MergedTimelinePage {
  /** Entries matching the filter, in all pages. */
  total: number;
  /** The page from `offset`, in date order. */
  entries: SourcedTimelineEntry[];
  /** Entries per period (year, month or day by `zoom`) over all pages, in date order. */
  periods: { period: string; count: number }[];
}

/**
 * One page of the merged timeline with the total and the count of every period, so a view can show
 * how events spread over time while rendering one page of them.
 */
export async function mergedTimelinePage(
  store: Store,
  query: Omit<MergedTimelineQuery, 'recompute'> & { offset?: number; zoom?: TimelineZoom },
): Promise<MergedTimelinePage | undefined> {
  const { limit, offset = 0, zoom = 'year', ...filter } = query;
  const entries = await readTimeline(store, filter);
  if (!entries) return undefined;
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const period = entry.date.slice(0, TIMELINE_ZOOMS[zoom]);
    counts.set(period, (counts.get(period) ?? 0) + 1);
  }
  return {
    total: entries.length,
    entries: entries.slice(offset, limit === undefined ? undefined : offset + limit),
    periods: [...counts].map(([period, count]) => ({ period, count })),
  };
}
