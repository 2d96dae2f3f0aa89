import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { exportDocuments, openStore, type Store } from '../store/index.js';
import { addRoute } from './add-route.js';
import type { RouteDoc } from './openapi.js';
import { ServiceBusyError } from './process-pool.js';
import { ExportQuerySchema } from './schemas.js';

export interface ExportOptions {
  /** An export whose client takes nothing for this long is ended. */
  stallMs: number;
  /** Exports running at once; more are answered 503. */
  maxOpen?: number;
}

/**
 * GET /api/export. Each export reads through its own read-only connection: an iterating statement
 * holds its connection, and on the server's one every other query failed with "This database
 * connection is busy executing a query" until the export ended, which a client that stopped reading
 * could put off for ever. A client that leaves or takes nothing for `stallMs` ends the export and
 * closes its connection.
 */
export function registerExportRoute(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  options: ExportOptions,
): void {
  const maxOpen = options.maxOpen ?? 4;
  let open = 0;
  const running = new Set<AbortController>();
  // Closing waits for in-flight requests, and a stalled export is one until its timer ends it.
  app.addHook('preClose', async () => {
    for (const controller of running) controller.abort(new Error('the server is shutting down'));
  });
  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/export',
      summary: 'Stream documents as JSONL or CSV, one at a time; the x-lede-documents header says how many',
      tag: 'documents',
      query: ExportQuerySchema,
      response: { mediaType: 'application/x-ndjson', description: 'one document per line (or CSV rows)' },
    },
    async (request, reply) => {
      const query = ExportQuerySchema.parse(request.query);
      if (open >= maxOpen) {
        throw new ServiceBusyError(`${open} exports are already running; try again when one has finished`);
      }
      const reader = await openStore(store.location, { readonly: true });
      open++;
      const abort = new AbortController();
      running.add(abort);
      const stream = new PassThrough();
      const leave = () => abort.abort(new Error('the export client left'));
      stream.on('close', leave);
      reply.raw.on('close', leave);
      try {
        reply.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="lede-export.${query.format}"`);
        // The length in bytes is unknown until the end; the count of documents lets a client show progress.
        reply.header('x-lede-documents', String(await reader.countDocuments(query)));
      } catch (error) {
        running.delete(abort);
        open--;
        await reader.close();
        throw error;
      }
      void exportDocuments(reader.iterateDocuments(query), query.format, stream, {
        signal: abort.signal,
        stallMs: options.stallMs,
      })
        .then(
          () => stream.end(),
          (error: Error) => {
            stream.destroy(error);
            reply.raw.destroy();
          },
        )
        .finally(() => {
          running.delete(abort);
          open--;
          return reader.close();
        });
      return reply.send(stream);
    },
  );
}
