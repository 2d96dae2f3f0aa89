/**
 * The merged corpus timeline over the whole store: `buildTimeline` over every document's `events`
 * (text kept for the evidence, everything else dropped), saved unfiltered as the `timeline` corpus
 * state so the CLI and the API filter it by entity and dates without rereading the corpus.
 */

import { defineCorpusState } from '../../model/index.js';
import type { DocFilter, Store } from '../../store/index.js';
import { readSlimDocs, type SourceRef } from '../store-docs.js';
import {
  buildTimeline,
  displayDate,
  filterTimeline,
  type TimelineEntry,
  type TimelineOptions,
  type TimelineSource,
} from './build-timeline.js';

export interface SourcedTimelineEntry extends Omit<TimelineEntry, 'sources'> {
  sources: (TimelineSource & { source: SourceRef })[];
}

export interface TimelineState {
  computedAt: string;
  documents: number;
  entries: SourcedTimelineEntry[];
}

export const TIMELINE_STATE = defineCorpusState<TimelineState>('timeline');

export function computeTimeline(store: Store, filter: DocFilter = {}): TimelineState {
  const { docs, refs } = readSlimDocs(store, ['events'], filter);
  const entries = buildTimeline(docs).map((entry) => ({
    ...entry,
    sources: entry.sources.map((source) => ({
      ...source,
      source: refs.get(source.doc) ?? { docId: source.doc, name: source.doc },
    })),
  }));
  const state: TimelineState = { computedAt: new Date().toISOString(), documents: docs.length, entries };
  store.putCorpusState(TIMELINE_STATE, state);
  return state;
}

/** The saved merged timeline filtered by entity and dates, or undefined when it was never computed. */
export function readTimeline(store: Store, options: TimelineOptions = {}): SourcedTimelineEntry[] | undefined {
  const state = store.getCorpusState(TIMELINE_STATE);
  // A timeline saved before entries carried `shown` gets it on reading.
  return state
    ? filterTimeline(
        state.entries.map((entry) => ({ ...entry, shown: entry.shown ?? displayDate(entry.date) })),
        options,
      )
    : undefined;
}
