import { z } from 'zod';
import { ErrorResponse } from './schemas.js';

/** What the OpenAPI document says about one route; the route's own zod schemas are the source. */
export interface RouteDoc {
  method: 'GET' | 'POST';
  /** Fastify path, `:param` style. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** Response body schema (JSON), or the media type of a non-JSON body. */
  response?: z.ZodType | { mediaType: string; description: string };
  /** A JSON body's zod schema, when there is one, describes it; other bodies are strings. */
  requestBody?: { mediaTypes: string[]; description: string; schema?: z.ZodType };
  /** The success status, when not 200 (202 for a started job). */
  status?: number;
  /** Needs `Authorization: Bearer <token>`. */
  auth?: boolean;
}

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** Builds an OpenAPI 3.1 document from the routes the server registered. */
export function buildOpenApi(routes: readonly RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorContent = { 'application/json': { schema: toSchema(ErrorResponse, 'output') } };
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const response = route.response;
    const ok: JsonSchema = !response
      ? { description: 'OK' }
      : response instanceof z.ZodType
        ? { description: 'OK', content: { 'application/json': { schema: toSchema(response, 'output') } } }
        : { description: response.description, content: { [response.mediaType]: { schema: { type: 'string' } } } };
    const operation: JsonSchema = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses: {
        [route.status ?? 200]: ok,
        400: { description: 'Bad request', content: errorContent },
        ...(route.params ? { 404: { description: 'Not found', content: errorContent } } : {}),
        ...(route.auth ? { 401: { description: 'Missing or wrong bearer token', content: errorContent } } : {}),
      },
    };
    if (route.requestBody) {
      const { mediaTypes, description, schema } = route.requestBody;
      const body = schema ? toSchema(schema, 'input') : { type: 'string' };
      operation.requestBody = {
        required: true,
        description,
        content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: body }])),
      };
    }
    if (route.auth) operation.security = [{ bearer: [] }];
    paths[path] ??= {};
    (paths[path] as Record<string, JsonSchema>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'lede API',
      version,
      description:
        'Read-only on loopback without credentials; every write needs `Authorization: Bearer <token>`. ' +
        'Errors are `{"error": {"code", "message"}}`. Span offsets are UTF-16 code units into the clean text.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
