import {
  CLAIMS_STATE,
  type ClaimsState,
  type ComputeClaimsOptions,
  computeClaims,
  type SourcedClaim,
} from '../link/index.js';
import type { Store } from '../store/index.js';

export interface ClaimsFilter {
  kind?: string;
  relation?: 'conflict' | 'agreement';
  /** Only claims with evidence from one of these documents (a story's members). */
  docs?: ReadonlySet<string>;
  offset?: number;
  limit?: number;
}

export interface ClaimsPage {
  /** Claims matching kind and relation; `claims` is the page from offset. */
  total: number;
  claims: SourcedClaim[];
}

/**
 * The saved claims (undefined before they are first computed); `recompute` compares the stored
 * documents afresh in `scope` and saves the result first.
 */
export function readClaims(
  store: Store,
  options: { recompute?: boolean; scope?: ComputeClaimsOptions['scope'] } = {},
): ClaimsState | undefined {
  return options.recompute ? computeClaims(store, { scope: options.scope }) : store.getCorpusState(CLAIMS_STATE);
}

export function filterClaims(state: ClaimsState, filter: ClaimsFilter): ClaimsPage {
  const matching = state.claims.filter(
    (claim) =>
      (!filter.kind || claim.kind === filter.kind) &&
      (!filter.relation || claim.relation === filter.relation) &&
      (!filter.docs || claim.evidence.some((evidence) => filter.docs?.has(evidence.source.docId))),
  );
  const offset = filter.offset ?? 0;
  return { total: matching.length, claims: matching.slice(offset, offset + (filter.limit ?? matching.length)) };
}
