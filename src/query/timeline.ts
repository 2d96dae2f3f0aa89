import { computeTimeline, filterTimeline, readTimeline, type SourcedTimelineEntry } from '../link/index.js';
import type { CorpusIndex, Store, TimelineEntry, TimelineQuery } from '../store/index.js';

/** Every dated expression and event of the span index, one per mention, in date order. */
export function timelineMentions(store: CorpusIndex, query: TimelineQuery): TimelineEntry[] {
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
export function mergedTimeline(store: Store, query: MergedTimelineQuery): SourcedTimelineEntry[] | undefined {
  const { recompute, limit, ...filter } = query;
  const entries = recompute ? filterTimeline(computeTimeline(store).entries, filter) : readTimeline(store, filter);
  return entries?.slice(0, limit);
}
