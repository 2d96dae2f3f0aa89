/**
 * link/claims: conflicts and agreements between dated events and figures, within and across
 * documents (see find-claims.ts). Reads the `events` and `figures` layers; pure over documents.
 * Known limits: topics are coarse event-noun groups, so two different events of one kind less than a
 * month apart read as a conflict; figures compare on the counted head noun only (`troops`).
 * Measured on the seed conflict and the 2,500-troops agreement only (`lede eval seeds`, component time).
 * `computeClaims(store)` (compute-claims.ts) runs it over the store, story by story once story links
 * exist, and saves the `claims` corpus state. On ECB+ dev (197 docs) corpus-wide: 70 figure conflicts,
 * 30 of them between different ECB+ topics (spurious); with the ECB+ topic as story: 40 conflicts.
 */

export type { ClaimsState, ComputeClaimsOptions, SourcedClaim, SourcedEvidence } from './compute-claims.js';
export { CLAIMS_STATE, computeClaims } from './compute-claims.js';
export type { Claim, ClaimEvidence } from './find-claims.js';
export { findClaims } from './find-claims.js';
export type { HostileCorpusSize } from './hostile-corpus.js';
export { hostileClaimsCorpus } from './hostile-corpus.js';
