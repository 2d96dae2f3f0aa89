/**
 * link/claims: conflicts and agreements between dated events and figures, within and across
 * documents (see find-claims.ts). Reads the `events`, `figures`, `sentences`, `entities` and `timexes`
 * layers; pure over documents. A figure is a claim only with its subject, measure, time and qualifier
 * (statements.ts); a date claim names its happening (`the Iraqi parliament`).
 * The subject is the named entities and capitalised names of the figure's clause (clause-reading.ts),
 * never who reports the figure nor what it is compared with; money and percentages measure the noun
 * they price, a unit of measure (`tonnes`) the thing after `of`.
 * An undated figure conflicts only with another version of its article (a correction): two articles
 * giving an undated figure may measure it at two moments (morning and afternoon, two sessions).
 * Known limits: a claim about an unnamed subject (`the notes`, `distillate stocks`) is never made; a
 * date is tied to the nearest named happening, which can be the wrong one. Conflicts are rare in
 * BBC (few stories with several articles) and Reuters-21578 (wire copy repeats figures).
 * Measured by judged samples on BBC and Reuters-21578 (`lede eval audits`, data/audits/claims.jsonl,
 * agreements.jsonl) and on the seed conflict and the 2,500-troops agreement (`lede eval seeds`).
 * `computeClaims(store)` (compute-claims.ts) runs it over the store, story by story once story links
 * exist, copies of one article (one version group) counting once, and saves the `claims` corpus state.
 */

export type { ClaimsState, ComputeClaimsOptions, SourcedClaim, SourcedEvidence } from './compute-claims.js';
export { CLAIMS_STATE, computeClaims } from './compute-claims.js';
export type { Claim, ClaimEvidence, ClaimReason } from './find-claims.js';
export { findClaims } from './find-claims.js';
