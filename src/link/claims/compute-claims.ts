/**
 * Claims over the whole store: each document's dated happenings and figure statements (read once
 * per document and kept, `CLAIM_FACTS`) are compared within stories and across the corpus, and the
 * conflicts and agreements saved with each piece of evidence naming its document, outlet and date.
 */
import { anchoringPublished, defineCorpusState, defineDocFacts } from '../../model/index.js';
import { loadEventsLexicon } from '../../nlp/events/index.js';
import type { DocFilter, DocHead, DocLink, Store } from '../../store/index.js';
import { corpusFacts } from '../corpus-facts.js';
import type { SourceRef } from '../store-docs.js';
import {
  type Claim,
  type ClaimEvidence,
  type ClaimFacts,
  claimReading,
  compareClaims,
  readClaimFacts,
} from './find-claims.js';
import type { Qualifier } from './statements.js';

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

/**
 * Claims read out of each document, kept per document under its id and renamed when read back.
 * The version changes whenever what a document's claims are read as changes (2: a word after a colon
 * and a month or weekday alone are no subject), so kept facts are read again.
 */
export const CLAIM_FACTS = defineDocFacts<ClaimFacts>('claims', 2);

/**
 * A qualifier's open end as the comparison reads it: kept facts are JSON, which writes an infinite
 * bound (`more than 3,000`: no upper bound) as null, and a null bound would overlap nothing.
 */
function unbounded(qualifier: Qualifier): Qualifier {
  return {
    ...qualifier,
    low: qualifier.low ?? Number.NEGATIVE_INFINITY,
    high: qualifier.high ?? Number.POSITIVE_INFINITY,
  };
}

export async function computeClaims(store: Store, options: ComputeClaimsOptions = {}): Promise<ClaimsState> {
  const { scope: wanted = 'auto', ...filter } = options;
  const reading = claimReading(loadEventsLexicon());
  const { documents } = await corpusFacts(
    store,
    CLAIM_FACTS,
    {
      read: (doc, name) => readClaimFacts(doc, reading, name),
      // Linking may date a document after it was read (a dated twin's date): figures take it then.
      rename: (facts, name, head) => {
        const published = anchoringDay(head);
        return {
          dates: facts.dates.map((claim) => ({ ...claim, doc: name })),
          figures: facts.figures.map(({ published: _read, ...statement }) => ({
            ...statement,
            doc: name,
            qualifier: unbounded(statement.qualifier),
            ...(published ? { published } : {}),
          })),
        };
      },
    },
    filter,
  );
  const refs = new Map(documents.map(({ ref }) => [ref.name, ref]));
  const links = new Map<string, DocLink | undefined>();
  for (const { ref } of documents) links.set(ref.docId, await store.getDocLink(ref.docId));
  const storyOf = (docId: string) => links.get(docId)?.story;
  // Claims name documents by their short name; copies of one article share a version group.
  const groupByName = new Map(documents.map(({ ref }) => [ref.name, links.get(ref.docId)?.duplicateGroup ?? ref.name]));
  const copyOf = (name: string) => groupByName.get(name) ?? name;
  const scope =
    wanted === 'auto' ? (documents.some(({ ref }) => storyOf(ref.docId) !== undefined) ? 'story' : 'corpus') : wanted;
  const groups = new Map<string, ClaimFacts[]>();
  for (const { ref, facts } of documents) {
    if (facts.dates.length === 0 && facts.figures.length === 0) continue;
    const key = scope === 'corpus' ? '' : (storyOf(ref.docId) ?? `doc:${ref.docId}`);
    const group = groups.get(key);
    if (group) group.push(facts);
    else groups.set(key, [facts]);
  }
  const all = documents.map(({ facts }) => facts);
  // Within stories only conflicts are kept from each group; the same figure or date repeated
  // anywhere in the corpus is still an agreement worth showing (2,500 troops in three articles).
  const found =
    scope === 'corpus'
      ? compareClaims(all, undefined, copyOf)
      : [
          ...[...groups.values()].flatMap((group) =>
            compareClaims(group, { conflicts: true, agreements: false }, copyOf),
          ),
          ...compareClaims(all, { conflicts: false, agreements: true }, copyOf),
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
  const state: ClaimsState = {
    computedAt: new Date().toISOString(),
    documents: documents.length,
    scope,
    claims,
  };
  await store.putCorpusState(CLAIMS_STATE, state);
  return state;
}

/** The day figures are dated by: the publication day unless only estimated from the contents. */
function anchoringDay(head: DocHead): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(anchoringPublished({ published: head.published })?.value ?? '')?.[0];
}
