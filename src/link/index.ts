/** Corpus-level linking over many documents: entity identity, claims, timeline, near-duplicates, stories. Pure over plain records; the store feeds them. */
export type { Claim, ClaimEvidence } from './claims/index.js';
export { findClaims } from './claims/index.js';
export * from './clusters/index.js';
export * from './identity/index.js';
export * from './near-duplicates/index.js';
export type { TimelineEntry, TimelineOptions, TimelineSource } from './timeline/index.js';
export { buildTimeline } from './timeline/index.js';
export * from './versions/index.js';
