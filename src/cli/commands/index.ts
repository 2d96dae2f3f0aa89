import type { Command } from 'commander';
import { register as registerAnnotate } from './annotate.js';
import { register as registerBench } from './bench.js';
import { register as registerClaims } from './claims.js';
import { register as registerDemo } from './demo.js';
import { register as registerDuplicates } from './duplicates.js';
import { register as registerEntities } from './entities.js';
import { register as registerEval } from './eval.js';
import { register as registerFraming } from './framing.js';
import { register as registerIngest } from './ingest.js';
import { register as registerJobs } from './jobs.js';
import { register as registerLink } from './link.js';
import { register as registerMigrate } from './migrate.js';
import { register as registerQuotes } from './quotes.js';
import { register as registerRead } from './read.js';
import { register as registerReprocess } from './reprocess.js';
import { register as registerServe } from './serve.js';
import { register as registerStories } from './stories.js';
import { register as registerStory } from './story.js';
import { register as registerTimeline } from './timeline.js';
import { register as registerTrain } from './train.js';
import { register as registerWorker } from './worker.js';

/** Every command file exports `register(program)`; add yours to this list. */
const COMMANDS: ((program: Command) => void)[] = [
  registerIngest,
  registerWorker,
  registerJobs,
  registerMigrate,
  registerAnnotate,
  registerRead,
  registerEntities,
  registerLink,
  registerDuplicates,
  registerStories,
  registerStory,
  registerQuotes,
  registerTimeline,
  registerClaims,
  registerFraming,
  registerReprocess,
  registerServe,
  registerDemo,
  registerEval,
  registerTrain,
  registerBench,
];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
