import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LedeError } from '../errors.js';
import type { Store } from '../store/index.js';
import { exportDocuments } from '../store/index.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token required for every write; reads stay open. */
  token?: string;
  logger?: boolean;
}

const Filter = z.object({
  outlet: z.string().optional(),
  section: z.string().optional(),
  from: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
});
const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Content-Security-Policy for everything served: no inline script, no remote origins. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** The HTTP API over the store. Errors are JSON `{error: {code, message}}`; no stack trace reaches a client. */
export function createServer(options: ServerOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 50 * 1024 * 1024 });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return reply
        .status(400)
        .send({ error: { code: 'BAD_REQUEST', message: `${issue?.path.join('.') || 'query'}: ${issue?.message}` } });
    }
    if (error instanceof LedeError) {
      const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'UNAUTHORIZED' ? 401 : 400;
      return reply.status(status).send({ error: { code: error.code, message: error.message } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    return reply.status(status).send({
      error: {
        code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
        message: status >= 500 ? 'internal error' : (error as Error).message,
      },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );

  app.get('/api/health', async () => ({ ok: true }));

  app.get('/api/stats', async () => store.stats());

  app.get('/api/documents', async (request) => {
    const query = Filter.merge(Page).parse(request.query);
    return { documents: store.listDocuments(query) };
  });

  app.get('/api/documents/:id', async (request) => {
    const { id } = z.object({ id: z.string().min(1) }).parse(request.params);
    const doc = store.getDocument(id);
    if (!doc) throw new LedeError('NOT_FOUND', `no document ${id}`);
    return doc;
  });

  app.get('/api/search', async (request) => {
    const query = Filter.merge(Page)
      .extend({ q: z.string().min(1, 'a query is required') })
      .parse(request.query);
    return store.search({ ...query, text: query.q });
  });

  app.get('/api/export', async (request, reply) => {
    const query = Filter.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }).parse(request.query);
    reply.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="lede-export.${query.format}"`);
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    exportDocuments(store.iterateDocuments(query), query.format, stream).then(
      () => stream.end(),
      (error) => stream.destroy(error),
    );
    return reply.send(stream);
  });

  return app;
}

/** Requests that change data must carry `Authorization: Bearer <token>`. */
export function requireToken(token: string | undefined, header: string | undefined): void {
  if (!token) throw new LedeError('UNAUTHORIZED', 'writes are disabled: start lede serve with --token (or LEDE_TOKEN)');
  if (header !== `Bearer ${token}`) throw new LedeError('UNAUTHORIZED', 'a valid bearer token is required for writes');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
