/**
 * link/claims: conflicts and agreements between dated events and figures, within and across
 * documents (see find-claims.ts). Reads the `events`, `figures`, `sentences`, `entities` and `timexes`
 * layers; pure over documents. A figure is a claim only with its subject, measure, time and qualifier
 * (statements.ts); a date claim names its happening (`the Iraqi parliament`).
 * Known limits: subjects are the named entities of the figure's clause, so a claim about an unnamed
 * subject is never made and an entity the recogniser misses keeps two statements apart; a date is
 * tied to the nearest named happening, which can be the wrong one (`before a Commons vote`).
 * Measured on BBC by judged samples (`lede eval audits`, data/audits/claims.jsonl, agreements.jsonl)
 * and on the seed conflict and the 2,500-troops agreement (`lede eval seeds`).
 * `computeClaims(store)` (compute-claims.ts) runs it over the store, story by story once story links
 * exist, copies of one article (one version group) counting once, and saves the `claims` corpus state.
 */

export type { ClaimsState, ComputeClaimsOptions, SourcedClaim, SourcedEvidence } from './compute-claims.js';
export { CLAIMS_STATE, computeClaims } from './compute-claims.js';
export type { Claim, ClaimEvidence, ClaimReason } from './find-claims.js';
export { findClaims } from './find-claims.js';
