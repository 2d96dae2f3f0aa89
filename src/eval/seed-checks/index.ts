import type { SeedCheck } from '../seeds.js';
import { cleanSeedCheck } from './clean.js';
import { storiesSeedCheck } from './stories.js';

/** Each component adds its seed expectations here. */
export const SEED_CHECKS: SeedCheck[] = [cleanSeedCheck, storiesSeedCheck];
