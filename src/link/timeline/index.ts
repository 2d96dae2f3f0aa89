/**
 * link/timeline: the corpus timeline (`lede timeline`, the API): events in date order, one entry per
 * event with every document that tells it. Reads the `events` layer; pure over documents.
 * Known limits: events merge on compatible dates plus shared content words, so two retellings worded
 * very differently stay separate entries; undated (XXXX) events are left out.
 */
export type { TimelineEntry, TimelineOptions, TimelineSource } from './build-timeline.js';
export { buildTimeline } from './build-timeline.js';
