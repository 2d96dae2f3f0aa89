import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, LedeError } from '../errors.js';
import type { FetchOptions } from '../ingest/index.js';
import { prepareFraming, prepareStories } from '../query/index.js';
import type { Store } from '../store/index.js';
import { addRoute } from './add-route.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './api-docs.js';
import { registerEntityRoutes } from './entity-routes.js';
import { IdentityCache } from './identity-cache.js';
import { registerIngestRoute } from './ingest-route.js';
import { JobQueue } from './jobs.js';
import { buildOpenApi, type RouteDoc } from './openapi.js';
import { ProcessPool, ServiceBusyError } from './process-pool.js';
import { registerQueueRoute } from './queue-route.js';
import { createRequestGuard } from './request-guard.js';
import { registerReadRoutes } from './routes.js';
import { type SearchLaneOptions, SearchLanes } from './search-lanes.js';
import { registerStaticFiles, WEB_ROOT } from './static-files.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token required for every write; reads stay open. */
  token?: string;
  /** The address the server listens on: requests must name it (or an allowed host) as `Host`. */
  boundHost?: string;
  /** Further `Host` names to answer, e.g. a reverse proxy's (`lede serve --allow-host`). */
  allowedHosts?: string[];
  logger?: boolean;
  /** The built web UI (web/dist by default). */
  webRoot?: string;
  /** Largest upload `POST /api/ingest` (one body) or `POST /api/jobs/ingest` (all files) accepts, in bytes. */
  maxIngestBytes?: number;
  /** How ingest jobs fetch URLs; private addresses are refused unless `allowPrivate`. */
  fetch?: FetchOptions;
  /**
   * Searches run in read processes (search-lanes.ts), each cut off after `timeoutMs` (answer 503). `false`
   * searches in the server's own thread (a store with no file, or tests of the search itself).
   */
  readers?: SearchLaneOptions | false;
  /** An export whose client reads nothing for this long is ended and its connection closed. */
  exportStallMs?: number;
  /**
   * The module of the ingest process (see child-module.ts) and its arguments after the database
   * path: `ingest-worker` by default; tests substitute one that holds linking open.
   */
  ingestProcess?: { module: string; args?: string[] };
  /** Background ingest jobs queue their records for `lede worker` processes (a PostgreSQL store) instead of analysing here. */
  queueIngest?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route the server answers, as registered: what a test of the request guard walks through. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return [...(ROUTES.get(app) ?? [])];
}

// STORE at request time means the database is busy with another process's write: try again later.
const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  STORE: 503,
};

/** What one ingest (upload or job) may take before its process is stopped. */
export const INGEST_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** Content-Security-Policy for everything served: no inline script, no remote origins. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Each listening server's warm-up of its read processes, for `readersWarm`. */
const READERS_WARM = new WeakMap<object, Promise<void>>();

/**
 * Resolves once the server's read processes have opened the store and run a warm-up search, or
 * after `atMostMs`, whichever comes first; at once for a server without them or not listening.
 */
export async function readersWarm(app: object, atMostMs: number): Promise<void> {
  const warm = READERS_WARM.get(app);
  if (!warm) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([warm, new Promise((resolve) => (timer = setTimeout(resolve, atMostMs)))]);
  clearTimeout(timer);
}

/** The HTTP API over the store. Errors are JSON `{error: {code, message}}`; no stack trace reaches a client. */
export function createServer(options: ServerOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  // Runs after routing but before any body is read, for every route and every 404 alike.
  const guard = createRequestGuard({
    token: options.token,
    boundHost: options.boundHost,
    allowedHosts: options.allowedHosts,
  });
  app.addHook('onRequest', async (request) => guard(request));

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ServiceBusyError) {
      return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: error.message } });
    }
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return reply
        .status(400)
        .send({ error: { code: 'BAD_REQUEST', message: `${issue?.path.join('.') || 'query'}: ${issue?.message}` } });
    }
    if (error instanceof LedeError) {
      const status = ERROR_STATUS[error.code] ?? 400;
      return reply.status(status).send({ error: { code: error.code, message: error.message } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    const codes: Record<number, string> = { 413: 'TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'TOO_MANY_REQUESTS' };
    return reply.status(status).send({
      error: {
        code: status >= 500 ? 'INTERNAL' : (codes[status] ?? 'BAD_REQUEST'),
        message: status >= 500 ? 'internal error' : (error as Error).message,
      },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );

  const docs: RouteDoc[] = [];
  const identities = new IdentityCache(store);
  const reads = createSearchLanes(store, options.readers);
  // Uploads and jobs ingest and link in this process, with its own write connection: while it links,
  // this thread and the read processes answer from the last committed state (WAL).
  const writer = new ProcessPool({
    module: options.ingestProcess?.module ?? 'ingest-worker',
    args: [store.location, ...(options.ingestProcess?.args ?? [])],
    size: 1,
    // Jobs fetching many pages at a polite rate take long; the limit only ends one that hangs.
    timeoutMs: INGEST_TIMEOUT_MS,
    maxQueued: Number.POSITIVE_INFINITY,
    what: 'ingest',
    // Relinking is background work: reads come first.
    niceness: 10,
  });
  app.addHook('preClose', async () => writer.close());
  if (reads) {
    // Started once the server listens (tests inject without listening); `lede serve` reports that it
    // is serving only once they are warm (`readersWarm`): the first search after it said so took 3 s
    // on 2,225 articles while the processes were still building their facet columns.
    app.addHook('onListen', async () => {
      READERS_WARM.set(app, reads.warm());
    });
    // preClose, not onClose: onClose waits for in-flight requests, and a running search is one.
    app.addHook('preClose', async () => reads.close());
  }
  // What the first reader of a view would wait for, done once the server listens (while `lede serve`
  // waits for its read processes): parsing and sorting tens of thousands of stories (a second on a
  // large corpus; again after a link changes them), indexing the identities (0.3 s on 2,225
  // articles), reading the framing model for its measured figures (0.5 s).
  app.addHook('onListen', async () => {
    const prepare = async () => {
      await prepareStories(store);
      await identities.current();
      prepareFraming();
    };
    // As before the store was asynchronous, a failure here is not caught: it ends the process.
    setImmediate(() => void prepare());
  });
  registerReadRoutes(app, docs, store, identities, reads, { stallMs: options.exportStallMs ?? 30_000 });
  registerEntityRoutes(app, docs, store, identities);
  registerIngestRoute(app, docs, store, {
    maxBytes: options.maxIngestBytes ?? 20 * 1024 * 1024,
    fetch: options.fetch,
    jobs: new JobQueue(),
    writer,
    queue: options.queueIngest === true,
  });
  registerQueueRoute(app, docs, store);
  // The request guard has checked the token by the time this runs: a UI asks here before offering writes.
  addRoute(
    app,
    docs,
    {
      method: 'POST',
      path: '/api/token',
      summary: 'Check a bearer token: 200 when it allows writes, 401 otherwise',
      tag: 'write',
      auth: true,
      response: z.object({ valid: z.literal(true) }),
    },
    async () => ({ valid: true as const }),
  );
  let openApi: unknown;
  app.get('/api/openapi.json', async () => {
    openApi ??= buildOpenApi(docs, '0.1.0');
    return openApi;
  });
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));
  app.get('/api/docs/docs.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(DOCS_JS));
  app.get('/api/docs/docs.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS));
  registerStaticFiles(app, options.webRoot ?? WEB_ROOT);

  return app;
}

function createSearchLanes(store: Store, readers: ServerOptions['readers']): SearchLanes | undefined {
  if (readers === false || !store.location || store.location === ':memory:') return undefined;
  // A prefix is costly by what it expands to: `broadband*` (two words) is a plain search, `con*` is not.
  return new SearchLanes(store.location, {
    wordsStartingWith: (prefix) => store.wordsStartingWith(prefix, 4),
    ...readers,
  });
}
