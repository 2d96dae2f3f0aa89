import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LedeError } from '../errors.js';
import { documentFraming, framingExamples, framingReport } from '../query/index.js';
import type { DocumentReader, Store } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import {
  DocFilterQuery,
  DocSummarySchema,
  DocumentFramingSchema,
  DocumentSchema,
  FramingExamplesQuerySchema,
  FramingExamplesSchema,
  FramingQuerySchema,
  FramingReportSchema,
  IdParams,
  PageQuery,
  StatsSchema,
} from './schemas.js';

export function registerMetaRoutes(get: GetRoute, store: DocumentReader): void {
  get({ path: '/api/health', summary: 'Liveness', tag: 'meta', response: z.object({ ok: z.boolean() }) }, async () => ({
    ok: true,
  }));

  get(
    {
      path: '/api/stats',
      summary: 'Corpus counts by outlet, media type and layer',
      tag: 'meta',
      response: StatsSchema,
    },
    async () => store.stats(),
  );
}

/** Documents one by one, and the framing report that pools them (listed beside them in the API docs). */
export function registerDocumentRoutes(get: GetRoute, store: Store): void {
  const listQuery = DocFilterQuery.extend(PageQuery.shape);
  get(
    {
      path: '/api/documents',
      summary: 'List documents, newest first, filtered by outlet, section and date',
      tag: 'documents',
      query: listQuery,
      response: z.object({ documents: z.array(DocSummarySchema) }),
    },
    async (request) => ({ documents: await store.listDocuments(listQuery.parse(request.query)) }),
  );

  get(
    {
      path: '/api/documents/:id',
      summary: 'One document with its clean text, metadata, messages and every layer (the raw text is at /raw)',
      tag: 'documents',
      params: IdParams,
      response: DocumentSchema,
    },
    async (request) => {
      const { raw: _raw, origin: _origin, ...doc } = await findDocument(store, request);
      return doc;
    },
  );

  get(
    {
      path: '/api/documents/:id/framing',
      summary:
        'Loaded language and propaganda techniques in one document: counts and rates per 1,000 words, with the model precision',
      tag: 'documents',
      params: IdParams,
      response: DocumentFramingSchema,
    },
    async (request) => documentFraming(await findDocument(store, request)),
  );

  get(
    {
      path: '/api/framing',
      summary: 'Technique rates per 1,000 words by outlet (and month), pooled over articles, with the model precision',
      tag: 'documents',
      query: FramingQuerySchema,
      response: FramingReportSchema,
    },
    async (request) => {
      const { byMonth, ...filter } = FramingQuerySchema.parse(request.query);
      return framingReport(store, filter, byMonth === 'true');
    },
  );

  get(
    {
      path: '/api/framing/examples',
      summary: 'Loaded-language spans a page at a time, each in its sentence with the reason the model gives',
      tag: 'documents',
      query: FramingExamplesQuerySchema,
      response: FramingExamplesSchema,
    },
    async (request) => framingExamples(store, FramingExamplesQuerySchema.parse(request.query)),
  );

  get(
    {
      path: '/api/documents/:id/raw',
      summary: 'The raw text as ingested (decoded, before cleaning)',
      tag: 'documents',
      params: IdParams,
      response: { mediaType: 'text/plain', description: 'the raw text' },
    },
    async (request, reply) => reply.type('text/plain; charset=utf-8').send((await findDocument(store, request)).raw),
  );
}

async function findDocument(store: DocumentReader, request: FastifyRequest) {
  const { id } = IdParams.parse(request.params);
  const doc = await store.getDocument(id);
  if (!doc) throw new LedeError('NOT_FOUND', `no document ${id}`);
  return doc;
}
