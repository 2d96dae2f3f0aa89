/**
 * Claims to judge: the conflicts (`claims`) or agreements (`agreements`) saved in a store, read as
 * `lede claims` shows them, each piece of evidence with its whole sentence, the sentence before it
 * and the headline, so a judge can tell whether the two statements measure the same thing.
 */
import type { SourcedClaim } from '../../link/index.js';
import { readClaims } from '../../query/index.js';
import type { Store } from '../../store/index.js';
import type { AuditCandidate, AuditDrawer } from './draw.js';

/** Agreements can gather dozens of statements; a judge reads the first few. */
const EVIDENCE_SHOWN = 4;

async function sentenceAround(store: Store, docId: string, start: number, end: number) {
  const doc = await store.getDocument(docId);
  if (!doc) return undefined;
  const sentences = doc.layers.sentences ?? [];
  const at = sentences.findIndex((sentence) => sentence.start <= start && end <= sentence.end);
  const sentence = sentences[at];
  return {
    headline: doc.meta.headline,
    previous: at > 0 ? doc.text.slice(sentences[at - 1]?.start, sentences[at - 1]?.end) : undefined,
    sentence: sentence ? doc.text.slice(sentence.start, sentence.end) : doc.text.slice(start, end),
    stated: doc.text.slice(start, end),
  };
}

async function candidateOf(store: Store, claim: SourcedClaim): Promise<AuditCandidate> {
  const shown = claim.evidence.slice(0, EVIDENCE_SHOWN);
  const item = [
    claim.kind,
    claim.relation,
    claim.topic,
    ...shown.map((evidence) => `${evidence.source.docId.slice(0, 12)}:${evidence.start}`),
  ].join('|');
  const { evidence, ...shownClaim } = claim;
  const statements = [];
  for (const piece of shown) {
    statements.push({
      doc: piece.source.name,
      ...(await sentenceAround(store, piece.source.docId, piece.start, piece.end)),
    });
  }
  return {
    item,
    evidence: {
      statements,
      ...(evidence.length > EVIDENCE_SHOWN ? { more: evidence.length - EVIDENCE_SHOWN } : {}),
    },
    output: {
      ...shownClaim,
      // What each statement was read as (value, and subject, measure, time when lede gives them).
      compared: evidence.slice(0, EVIDENCE_SHOWN).map(({ doc, start, end, text, source, ...rest }) => rest),
    },
  };
}

export function claimsDrawer(relation: 'conflict' | 'agreement'): AuditDrawer {
  return {
    kind: relation === 'conflict' ? 'claims' : 'agreements',
    question:
      relation === 'conflict'
        ? 'Do the two statements give different values (or days) for the same measure of the same subject at the same time, so that at most one can be right?'
        : 'Do the statements give the same value for the same measure of the same subject at the same time?',
    async candidates(store) {
      const state = await readClaims(store);
      const candidates: AuditCandidate[] = [];
      for (const claim of state?.claims ?? []) {
        if (claim.relation === relation) candidates.push(await candidateOf(store, claim));
      }
      return candidates;
    },
  };
}
