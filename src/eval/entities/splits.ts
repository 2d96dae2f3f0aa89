/**
 * The CoNLL splits the entity evaluations read. The official test split is not in the shared data,
 * so dev is also read in two halves by alternate documents: `dev-a` to choose features and settings
 * on, `dev-b` held out and only reported.
 */
import { join } from 'node:path';
import { type ConllDocument, readConll } from '../../nlp/entities/index.js';

const HALVES: Record<string, { of: string; parity: number }> = {
  'dev-a': { of: 'dev', parity: 0 },
  'dev-b': { of: 'dev', parity: 1 },
};

export function readConllSplit(dataDir: string, split: string): ConllDocument[] {
  const half = HALVES[split];
  if (!half) return readConll(join(dataDir, `${split}.txt.gz`));
  return readConll(join(dataDir, `${half.of}.txt.gz`)).filter((_, index) => index % 2 === half.parity);
}
