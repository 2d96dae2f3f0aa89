import type { SeedCheck } from '../seeds.js';
import { cleanSeedCheck } from './clean.js';
import { framingSeedCheck } from './framing.js';

/** Each component adds its seed expectations here. */
export const SEED_CHECKS: SeedCheck[] = [cleanSeedCheck, framingSeedCheck];
