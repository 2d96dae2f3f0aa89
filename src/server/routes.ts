import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { registerDocumentRoutes, registerMetaRoutes } from './document-routes.js';
import { type ExportOptions, registerExportRoute } from './export-route.js';
import { getRoute } from './get-route.js';
import type { IdentityCache } from './identity-cache.js';
import type { RouteDoc } from './openapi.js';
import { registerQuoteRoutes, registerStatementRoutes } from './quote-routes.js';
import type { SearchLanes } from './search-lanes.js';
import { registerSearchRoute } from './search-route.js';
import { registerClaimRoutes, registerDuplicateRoutes, registerStoryRoutes } from './story-routes.js';
import { registerTimelineRoute } from './timeline-route.js';

/**
 * The read-only routes: open to anyone who can reach the server (loopback by default). Registered
 * in this order because the OpenAPI document lists them as registered.
 */
export function registerReadRoutes(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  identities: IdentityCache,
  reads: SearchLanes | undefined,
  exportOptions: ExportOptions,
): void {
  const get = getRoute(app, docs);
  registerMetaRoutes(get, store);
  registerDocumentRoutes(get, store);
  registerSearchRoute(get, store, identities, reads);
  registerQuoteRoutes(get, store, identities);
  // /api/entities and /api/entities/:name: see entity-routes.ts (corpus identities).
  registerTimelineRoute(get, store);
  registerStatementRoutes(get, store);
  registerClaimRoutes(get, store);
  registerStoryRoutes(get, store, identities);
  registerDuplicateRoutes(get, store);
  registerExportRoute(app, docs, store, exportOptions);
}
