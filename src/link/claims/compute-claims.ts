/**
 * Claims over the whole store: reads each document's `events` and `figures` (text kept for the
 * evidence, everything else dropped), runs `findClaims`, and saves the conflicts and agreements with
 * each piece of evidence naming its document, outlet and date.
 */
import { type Doc, defineCorpusState } from '../../model/index.js';
import { loadEventsLexicon } from '../../nlp/events/index.js';
import type { DocFilter, Store } from '../../store/index.js';
import { readSlimDocs, type SourceRef } from '../store-docs.js';
import { type Claim, type ClaimEvidence, findClaims } from './find-claims.js';

export interface SourcedEvidence extends ClaimEvidence {
  source: SourceRef;
}

export interface SourcedClaim extends Omit<Claim, 'evidence'> {
  evidence: SourcedEvidence[];
}

export interface ClaimsState {
  computedAt: string;
  documents: number;
  /** Whether documents were compared within their story cluster or across the whole corpus. */
  scope: 'story' | 'corpus';
  claims: SourcedClaim[];
}

export const CLAIMS_STATE = defineCorpusState<ClaimsState>('claims');

export interface ComputeClaimsOptions extends DocFilter {
  /**
   * `story`: conflicts only between documents of one story cluster (each unclustered document alone),
   * agreements across the corpus;
   * `corpus`: compare every document with every other; `auto` (default): `story` once the store
   * holds story links, else `corpus`. Across unrelated stories, figures of one unit (`$80 million`,
   * `$100 million`) read as conflicts, so stories are the better scope when they exist.
   */
  scope?: 'auto' | 'story' | 'corpus';
}

export function computeClaims(store: Store, options: ComputeClaimsOptions = {}): ClaimsState {
  const { scope: wanted = 'auto', ...filter } = options;
  const { docs, refs } = readSlimDocs(store, ['events', 'figures', 'sentences', 'entities', 'timexes'], filter);
  const links = new Map(docs.map((doc) => [doc.id, store.getDocLink(doc.id)]));
  const stories = new Map<string, string | undefined>(docs.map((doc) => [doc.id, links.get(doc.id)?.story]));
  // Claims name documents by their short name; copies of one article share a version group.
  const groupByName = new Map(
    docs.map((doc) => [doc.externalId as string, links.get(doc.id)?.duplicateGroup ?? (doc.externalId as string)]),
  );
  const comparing = { copyOf: (name: string) => groupByName.get(name) ?? name };
  const scope = wanted === 'auto' ? ([...stories.values()].some(Boolean) ? 'story' : 'corpus') : wanted;
  const groups = new Map<string, Doc[]>();
  for (const doc of docs) {
    const key = scope === 'corpus' ? '' : (stories.get(doc.id) ?? `doc:${doc.id}`);
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  const lexicon = loadEventsLexicon();
  // Within stories only conflicts are kept from each group; the same figure or date repeated
  // anywhere in the corpus is still an agreement worth showing (2,500 troops in three articles).
  const found =
    scope === 'corpus'
      ? findClaims(docs, lexicon, undefined, comparing)
      : [
          ...[...groups.values()].flatMap((group) =>
            findClaims(group, lexicon, { conflicts: true, agreements: false }, comparing),
          ),
          ...findClaims(docs, lexicon, { conflicts: false, agreements: true }, comparing),
        ];
  const claims = found.map((claim) => ({
    ...claim,
    evidence: claim.evidence.map((evidence) => ({
      ...evidence,
      source: refs.get(evidence.doc) ?? { docId: evidence.doc, name: evidence.doc },
    })),
  }));
  // Conflicts first: they are what a reader must check.
  claims.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'conflict' ? -1 : 1));
  const state: ClaimsState = { computedAt: new Date().toISOString(), documents: docs.length, scope, claims };
  store.putCorpusState(CLAIMS_STATE, state);
  return state;
}
