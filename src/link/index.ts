/** Corpus-level linking over documents (near-duplicates, clusters, identity, claims). Pure over Docs; the store feeds them. */
export type { Claim, ClaimEvidence } from './claims/index.js';
export { findClaims } from './claims/index.js';
export type { TimelineEntry, TimelineOptions, TimelineSource } from './timeline/index.js';
export { buildTimeline } from './timeline/index.js';
