/**
 * Every `lede train NAME`. Each entry loads its trainer only when asked, so listing the names (for
 * `--help`) loads no trainer. Add an entry here to add a command.
 */
import type { Trainer } from '../eval/contract.js';

export const TRAINERS: Record<string, () => Promise<Trainer>> = {
  entities: async () => (await import('./entities/trainers.js')).entitiesTrainer,
  demonyms: async () => (await import('./entities/trainers.js')).demonymsTrainer,
  quotes: async () => (await import('./quotes/train-cues.js')).quotesTrainer,
  'word-clusters': async () => (await import('./word-clusters/train.js')).wordClustersTrainer,
  framing: async () => (await import('./framing/trainer.js')).framingTrainer,
  'dump-lines': async () => (await import('./dump-lines/train.js')).dumpLinesTrainer,
  'story-prior': async () => (await import('./story-prior/train.js')).storyPriorTrainer,
};
