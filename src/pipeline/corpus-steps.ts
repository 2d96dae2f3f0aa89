import { computeClaims, computeStatements, computeTimeline, rebuildIdentities } from '../link/index.js';
import type { Store } from '../store/index.js';
import type { CorpusStep } from './link-corpus.js';

/** A step whose result linking does not need: it is awaited and dropped. */
function step(name: string, run: (store: Store) => Promise<unknown>): CorpusStep {
  return {
    name,
    run: async (store) => {
      await run(store);
    },
  };
}

/**
 * Corpus-wide steps `lede link` runs after versions and stories, in order: entity identities (with
 * the user's curation re-applied), statements (one quote
 * reported by several articles), claims (compared within stories once they exist) and the merged
 * timeline. Add a step here.
 */
export const CORPUS_STEPS: CorpusStep[] = [
  step('identities', (store) => rebuildIdentities(store)),
  step('statements', (store) => computeStatements(store)),
  step('claims', (store) => computeClaims(store)),
  step('timeline', (store) => computeTimeline(store)),
];
