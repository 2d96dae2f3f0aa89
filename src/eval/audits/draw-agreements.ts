/** Agreements to judge: see draw-claims.ts. */
import { claimsDrawer } from './draw-claims.js';

export const agreementsDrawer = claimsDrawer('agreement');
