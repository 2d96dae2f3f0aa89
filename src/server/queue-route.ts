import type { FastifyInstance } from 'fastify';
import { IngestQueue } from '../pipeline/index.js';
import { isPostgresUrl } from '../resources/index.js';
import type { Store } from '../store/index.js';
import { addRoute } from './add-route.js';
import type { RouteDoc } from './openapi.js';
import { QueueSchema, RATE_WINDOW_SECONDS } from './schemas.js';

const NO_QUEUE = {
  available: false,
  queued: 0,
  running: 0,
  done: 0,
  failed: 0,
  perMinute: 0,
  etaSeconds: null,
  failures: [],
};

/**
 * GET /api/queue: the ingest queue `lede worker` processes drain (a PostgreSQL store), as `lede jobs`
 * shows it, for the Ingest view. A SQLite store has no queue: `available` is false.
 */
export function registerQueueRoute(app: FastifyInstance, docs: RouteDoc[], store: Store): void {
  let queue: Promise<IngestQueue> | undefined;
  app.addHook('preClose', async () => {
    if (queue) await (await queue).close();
  });
  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/queue',
      summary:
        'The ingest queue of a PostgreSQL store: queued, running, done and failed records, rate and ETA (available: false on SQLite)',
      tag: 'write',
      response: QueueSchema,
    },
    async () => {
      // A UI asks on every store; on SQLite the answer is that there is no queue, not an error.
      if (!isPostgresUrl(store.location)) return NO_QUEUE;
      queue ??= IngestQueue.open(store.location);
      const opened = await queue;
      const counts = await opened.counts(RATE_WINDOW_SECONDS);
      return {
        available: true,
        queued: counts.queued,
        running: counts.running,
        done: counts.done,
        failed: counts.failed,
        perMinute: counts.perSecond * 60,
        etaSeconds: counts.etaSeconds ?? null,
        failures: await opened.failures(10),
      };
    },
  );
}
