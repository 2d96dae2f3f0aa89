/**
 * Claims over the whole store: reads each document's `events` and `figures` (text kept for the
 * evidence, everything else dropped), runs `findClaims`, and saves the conflicts and agreements with
 * each piece of evidence naming its document, outlet and date.
 */
import type { DocFilter, Store } from '../../store/index.js';
import { readSlimDocs, type SourceRef } from '../store-docs.js';
import { type Claim, type ClaimEvidence, findClaims } from './find-claims.js';

export const CLAIMS_STATE = 'claims';

export interface SourcedEvidence extends ClaimEvidence {
  source: SourceRef;
}

export interface SourcedClaim extends Omit<Claim, 'evidence'> {
  evidence: SourcedEvidence[];
}

export interface ClaimsState {
  computedAt: string;
  documents: number;
  claims: SourcedClaim[];
}

export function computeClaims(store: Store, filter: DocFilter = {}): ClaimsState {
  const { docs, refs } = readSlimDocs(store, ['events', 'figures'], filter);
  const claims = findClaims(docs).map((claim) => ({
    ...claim,
    evidence: claim.evidence.map((evidence) => ({
      ...evidence,
      source: refs.get(evidence.doc) ?? { docId: evidence.doc, name: evidence.doc },
    })),
  }));
  // Conflicts first: they are what a reader must check.
  claims.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'conflict' ? -1 : 1));
  const state: ClaimsState = { computedAt: new Date().toISOString(), documents: docs.length, claims };
  store.putCorpusState(CLAIMS_STATE, state);
  return state;
}
