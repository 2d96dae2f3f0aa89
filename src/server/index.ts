/**
 * server/: the HTTP API (Fastify + zod, OpenAPI at /api/openapi.json, docs at /api/docs) and the
 * built web UI (web/dist) over the store. Reads are open on loopback; writes (POST /api/ingest)
 * need the bearer token; every response carries a CSP without inline script or remote origins.
 *
 * Corpus views (quotes, entities, timeline) read the `span_index` table the store fills from the
 * documents' `entities`, `quotes`, `timexes` and `events` layers; stories have no data source yet.
 *
 * Performance, last measured (`npm run bench:server -- --connections 1`, 100,000 synthetic BBC
 * replicas, 2-core machine shared with other jobs at load ~8.5): search p50 84 ms / p99 252 ms,
 * entity page (top 40) p50 60 ms / p99 154 ms. The p99 < 50 ms target is not met.
 */

export type { ServerOptions } from './app.js';
export { CONTENT_SECURITY_POLICY, createServer, isLoopback, requireToken } from './app.js';
