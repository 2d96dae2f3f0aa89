/**
 * server/: the HTTP API (Fastify + zod, OpenAPI at /api/openapi.json, docs at /api/docs) and the
 * built web UI (web/dist) over the store. Reads are open on loopback; writes (POST /api/ingest,
 * POST /api/jobs/ingest, entity curation) need the bearer token; every response carries a CSP
 * without inline script or remote origins. Nothing slow runs on the server's thread: searches run in
 * read processes with their own read-only connections (search-lanes.ts; costly queries apart, at low
 * priority), stopped after 5 s of running (and refused after 5 s of waiting) with a 503; exports
 * read through their own connection, ended when the client leaves or stalls; ingest and relinking
 * run in an ingest process at low priority, one write at a time, its progress posted back. Job progress lives in memory, so a restart forgets
 * jobs (the documents they stored stay).
 *
 * Corpus views (quotes, entities, timeline) read the `span_index` table the store fills from the
 * documents' `entities`, `quotes`, `timexes` and `events` layers; stories, identities, statements
 * and claims read the corpus state the linking run saves.
 *
 * Performance, last measured with `npm run bench:server` (100,000 synthetic BBC
 * replicas; the built `lede serve` in its own process; 2-core machine shared with other jobs, load
 * about 6): 1 connection: search p50 46 ms / p99 189 ms, entity page (top 40) p50 46 ms / p99 93 ms;
 * 10 connections: search p50 473 ms / p99 3780 ms. The p99 < 50 ms target is not met.
 */

export type { ServerOptions } from './app.js';
export { CONTENT_SECURITY_POLICY, createServer, readersWarm } from './app.js';
export { isLoopback } from './request-guard.js';
