import type { SeedCheck } from '../seeds.js';
import { cleanSeedCheck } from './clean.js';
import { quotesSeedCheck } from './quotes.js';

/** Each component adds its seed expectations here. */
export const SEED_CHECKS: SeedCheck[] = [cleanSeedCheck, quotesSeedCheck];
