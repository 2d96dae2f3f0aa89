import { computeClaims, computeStatements, computeTimeline, rebuildIdentities } from '../link/index.js';
import type { CorpusStep } from './link-corpus.js';

/**
 * Corpus-wide steps `lede link` runs after versions and stories, in order: entity identities (with
 * the user's curation re-applied), statements (one quote
 * reported by several articles), claims (compared within stories once they exist) and the merged
 * timeline. Add a step here.
 */
export const CORPUS_STEPS: CorpusStep[] = [
  { name: 'identities', run: (store) => void rebuildIdentities(store) },
  { name: 'statements', run: (store) => void computeStatements(store) },
  { name: 'claims', run: (store) => void computeClaims(store) },
  { name: 'timeline', run: (store) => void computeTimeline(store) },
];
