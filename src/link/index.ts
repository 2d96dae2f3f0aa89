/** Corpus-level linking over many documents: entity identity, claims, timeline, near-duplicates, stories. Pure over plain records; the store feeds them. */
export type {
  Claim,
  ClaimEvidence,
  ClaimsState,
  ComputeClaimsOptions,
  SourcedClaim,
  SourcedEvidence,
} from './claims/index.js';
export { CLAIMS_STATE, computeClaims, findClaims } from './claims/index.js';
export * from './clusters/index.js';
export { type CorpusFacts, corpusFacts, type DocumentFacts } from './corpus-facts.js';
export * from './identity/index.js';
export {
  decodeLinkFeatures,
  encodeLinkFeatures,
  LINK_FEATURES,
  type StoredLinkFeatures,
} from './link-features.js';
export * from './near-duplicates/index.js';
export * from './statements/index.js';
export type { SourceRef } from './store-docs.js';
export {
  DUPLICATES_STATE,
  STORIES_STATE,
  type StoredDuplicateGroup,
  type StoredStory,
} from './stored-links.js';
export type {
  SourcedTimelineEntry,
  TimelineEntry,
  TimelineOptions,
  TimelineSource,
  TimelineState,
} from './timeline/index.js';
export {
  buildTimeline,
  computeTimeline,
  filterTimeline,
  readTimeline,
  TIMELINE_STATE,
} from './timeline/index.js';
export * from './versions/index.js';
