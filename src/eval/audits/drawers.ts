/**
 * Every audit kind that can be drawn from a store (`scripts/draw-audit.ts KIND`), each loaded only
 * when asked. Add an entry here to make a new kind drawable.
 */
import type { AuditDrawer } from './draw.js';

export const AUDIT_DRAWERS: Record<string, () => Promise<AuditDrawer>> = {
  timeline: async () => (await import('./draw-timeline.js')).timelineDrawer,
  claims: async () => (await import('./draw-claims.js')).claimsDrawer('conflict'),
  agreements: async () => (await import('./draw-agreements.js')).agreementsDrawer,
  entities: async () => (await import('./draw-entities.js')).entitiesDrawer,
  quotes: async () => (await import('./draw-quotes.js')).quotesDrawer,
  'estimated-dates': async () => (await import('./draw-estimated-dates.js')).estimatedDatesDrawer,
};
