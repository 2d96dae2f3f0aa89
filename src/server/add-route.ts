import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDoc } from './openapi.js';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Registers a route and records its description for the OpenAPI document. */
export function addRoute(
  app: FastifyInstance,
  docs: RouteDoc[],
  doc: RouteDoc,
  handler: Handler,
  options: { bodyLimit?: number } = {},
): void {
  docs.push(doc);
  app.route({ method: doc.method, url: doc.path, handler, ...options });
}
