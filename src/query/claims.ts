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
  /**
   * `conflicts` (default): conflicts first, as computed; `sources`: most articles first; `newest`:
   * by the latest stated publication date among the evidence, undated last; `topic`: by what the
   * claims are about, alphabetically.
   */
  sort?: ClaimsSort;
  offset?: number;
  limit?: number;
}

export const CLAIMS_SORTS = ['conflicts', 'sources', 'newest', 'topic'] as const;
export type ClaimsSort = (typeof CLAIMS_SORTS)[number];

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
): Promise<ClaimsState | undefined> {
  return options.recompute ? computeClaims(store, { scope: options.scope }) : store.getCorpusState(CLAIMS_STATE);
}

export function filterClaims(state: ClaimsState, filter: ClaimsFilter): ClaimsPage {
  const matching = state.claims.filter(
    (claim) =>
      (!filter.kind || claim.kind === filter.kind) &&
      (!filter.relation || claim.relation === filter.relation) &&
      (!filter.docs || claim.evidence.some((evidence) => filter.docs?.has(evidence.source.docId))),
  );
  const sorted = filter.sort && filter.sort !== 'conflicts' ? sortClaims(matching, filter.sort) : matching;
  const offset = filter.offset ?? 0;
  return { total: matching.length, claims: sorted.slice(offset, offset + (filter.limit ?? sorted.length)) };
}

/** A stable sort: claims equal by the key keep the computed order (conflicts first). */
function sortClaims(claims: readonly SourcedClaim[], sort: Exclude<ClaimsSort, 'conflicts'>): SourcedClaim[] {
  const documents = (claim: SourcedClaim) => new Set(claim.evidence.map((evidence) => evidence.source.docId)).size;
  const latest = (claim: SourcedClaim) =>
    claim.evidence.reduce((last, evidence) => {
      const published = evidence.source.published ?? '';
      return published > last ? published : last;
    }, '');
  const keyed = claims.map((claim, index) => ({ claim, index, documents: documents(claim), latest: latest(claim) }));
  keyed.sort((a, b) => {
    const order =
      sort === 'sources'
        ? b.documents - a.documents
        : sort === 'newest'
          ? (b.latest === '' ? -1 : 0) - (a.latest === '' ? -1 : 0) || b.latest.localeCompare(a.latest)
          : a.claim.topic.localeCompare(b.claim.topic);
    return order || a.index - b.index;
  });
  return keyed.map(({ claim }) => claim);
}
