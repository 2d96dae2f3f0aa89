/** The data model shared by every stage: documents, standoff spans, layers, messages and offset maps. */
export { isCalendarDay, isIsoCalendarDay } from './calendar-day.js';
export { type CorpusStateKey, type DocFactsKey, defineCorpusState, defineDocFacts } from './corpus-state.js';
export type { DatedValue, Doc, DocMeta, DocSource, RecordHints } from './doc.js';
export { anchoringPublished, ESTIMATED_FROM_CONTENTS, emptyMeta, statedPublished } from './doc.js';
export type { EntityType, LayerMap, LayerName, QuoteKind, TimexType } from './layers.js';
export { ENTITY_TYPES, isLayerName, LAYER_NAMES, QUOTE_KINDS, TIMEX_TYPES } from './layers.js';
export type { Message, Reporter, Severity } from './message.js';
export { collectMessages } from './message.js';
export type { OffsetMap, OffsetSegment } from './offsets.js';
export { fromRawOffset, identityMap, TextBuilder, toRawOffset } from './offsets.js';
export type { ComputedMetaField, MetaOutput, StageOutput } from './outputs.js';
export { isMetaOutput, META_OUTPUTS, metaField } from './outputs.js';
export { readableDate } from './readable-date.js';
export type { Json, Provenance, Span } from './span.js';
export { makeSpan, spanId } from './span.js';
export { partitionPoint, type Ranged, SpanLookup } from './span-lookup.js';
export type { AnyStage, Stage, StageResult } from './stage.js';
