import type { SeedCheck } from '../contract.js';
import { cleanSeedCheck } from './clean.js';
import { entitiesSeedCheck } from './entities.js';
import { framingSeedCheck } from './framing.js';
import { quotesSeedCheck } from './quotes.js';
import { storiesSeedCheck } from './stories.js';
import { timeSeedCheck } from './time.js';

/** Each component adds its seed expectations here. */
export const SEED_CHECKS: SeedCheck[] = [
  cleanSeedCheck,
  entitiesSeedCheck,
  quotesSeedCheck,
  timeSeedCheck,
  framingSeedCheck,
  storiesSeedCheck,
];
