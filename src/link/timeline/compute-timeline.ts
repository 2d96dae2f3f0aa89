/**
 * The merged corpus timeline over the whole store: every document's dated events (read once per
 * document and kept, `TIMELINE_FACTS`) merged as `buildTimeline` merges them, saved unfiltered as
 * the `timeline` corpus state so the CLI and the API filter it by entity and dates without rereading
 * the corpus.
 */

import { defineCorpusState, defineDocFacts } from '../../model/index.js';
import { loadEventsLexicon } from '../../nlp/events/index.js';
import type { DocFilter, Store } from '../../store/index.js';
import { corpusFacts } from '../corpus-facts.js';
import type { SourceRef } from '../store-docs.js';
import {
  displayDate,
  filterTimeline,
  mergeTimeline,
  type TimelineEntry,
  type TimelineEvent,
  type TimelineOptions,
  type TimelineSource,
  timelineEvents,
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

/** Each document's dated events, kept per document so that linking reads only new documents. */
export const TIMELINE_FACTS = defineDocFacts<TimelineEvent[]>('timeline', 1);

export async function computeTimeline(store: Store, filter: DocFilter = {}): Promise<TimelineState> {
  const lexicon = loadEventsLexicon();
  const { documents } = await corpusFacts(
    store,
    TIMELINE_FACTS,
    { read: (doc) => timelineEvents(doc, lexicon), rename: (events) => events },
    filter,
  );
  const refs = new Map(documents.map(({ ref }) => [ref.name, ref]));
  const entries = mergeTimeline(documents.map(({ ref, facts }) => ({ name: ref.name, events: facts }))).map(
    (entry) => ({
      ...entry,
      sources: entry.sources.map((source) => ({
        ...source,
        source: refs.get(source.doc) ?? { docId: source.doc, name: source.doc },
      })),
    }),
  );
  const state: TimelineState = { computedAt: new Date().toISOString(), documents: documents.length, entries };
  await store.putCorpusState(TIMELINE_STATE, state);
  return state;
}

/** The saved merged timeline filtered by entity and dates, or undefined when it was never computed. */
export async function readTimeline(
  store: Store,
  options: TimelineOptions = {},
): Promise<SourcedTimelineEntry[] | undefined> {
  const state = await store.getCorpusState(TIMELINE_STATE);
  // A timeline saved before entries carried `shown` gets it on reading.
  return state
    ? filterTimeline(
        state.entries.map((entry) => ({ ...entry, shown: entry.shown ?? displayDate(entry.date) })),
        options,
      )
    : undefined;
}
