/**
 * link/timeline: the corpus timeline (`lede timeline`, the API): events in date order, one entry per
 * event with every document that tells it. Reads the `events` layer; `buildTimeline` is pure over
 * documents, `computeTimeline(store)` runs it over the store and saves it as the `timeline` corpus state.
 * Known limits: events merge on compatible dates plus shared content words or, worded differently, the
 * same kind of event with two shared participants; a retelling that names fewer people stays a separate
 * entry; undated (XXXX) events are left out.
 */
export type { TimelineEntry, TimelineOptions, TimelineSource } from './build-timeline.js';
export { buildTimeline, displayDate, filterTimeline } from './build-timeline.js';
export type { SourcedTimelineEntry, TimelineState } from './compute-timeline.js';
export { computeTimeline, readTimeline, TIMELINE_STATE } from './compute-timeline.js';
