import type { FastifyInstance } from 'fastify';
import { addRoute, type Handler } from './add-route.js';
import type { RouteDoc } from './openapi.js';

/** Registers a GET route and its API documentation in one call. */
export type GetRoute = (doc: Omit<RouteDoc, 'method'>, handler: Handler) => void;

export function getRoute(app: FastifyInstance, docs: RouteDoc[]): GetRoute {
  return (doc, handler) => addRoute(app, docs, { ...doc, method: 'GET' }, handler);
}
