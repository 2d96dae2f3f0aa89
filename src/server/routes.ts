import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LedeError } from '../errors.js';
import { CLAIMS_STATE, type ClaimsState } from '../link/claims/index.js';
import { queryStatements, STATEMENTS_STATE, type StatementsState } from '../link/statements/index.js';
import { readTimeline } from '../link/timeline/index.js';
import { loadFramingFigures, summariseArticle } from '../nlp/loaded/index.js';
import { describeStory, type StoredStory, summariseCorpusFraming } from '../pipeline/index.js';
import { type Store, toFtsQuery } from '../store/index.js';
import { addRoute, type Handler } from './add-route.js';
import { type ExportOptions, registerExportRoute } from './export-route.js';
import type { IdentityCache } from './identity-cache.js';
import type { RouteDoc } from './openapi.js';
import {
  ClaimsQuerySchema,
  ClaimsSchema,
  DocFilterQuery,
  DocSummarySchema,
  DocumentFramingSchema,
  DocumentSchema,
  FramingQuerySchema,
  FramingReportSchema,
  IdParams,
  PageQuery,
  QuotePageSchema,
  QuotesQuerySchema,
  SearchPageSchema,
  SearchQuerySchema,
  StatementPageSchema,
  StatementsQuerySchema,
  StatsSchema,
  StoriesSchema,
  StoryDetailSchema,
  TimelineQuerySchema,
  TimelineSchema,
} from './schemas.js';
import type { SearchLanes } from './search-lanes.js';
import { searchTask } from './search-task.js';

/** The read-only routes: open to anyone who can reach the server (loopback by default). */
export function registerReadRoutes(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  identities: IdentityCache,
  reads: SearchLanes | undefined,
  exportOptions: ExportOptions,
): void {
  const get = (doc: Omit<RouteDoc, 'method'>, handler: Handler) =>
    addRoute(app, docs, { ...doc, method: 'GET' }, handler);

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

  get(
    {
      path: '/api/documents',
      summary: 'List documents, newest first, filtered by outlet, section and date',
      tag: 'documents',
      query: DocFilterQuery.extend(PageQuery.shape),
      response: z.object({ documents: z.array(DocSummarySchema) }),
    },
    async (request) => ({
      documents: store.listDocuments(DocFilterQuery.extend(PageQuery.shape).parse(request.query)),
    }),
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
      const { raw: _raw, origin: _origin, ...doc } = findDocument(store, request);
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
    async (request) => {
      const doc = findDocument(store, request);
      return { ...summariseArticle(doc.text, doc.layers.loaded ?? []), model: loadFramingFigures() };
    },
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
      return summariseCorpusFraming(store, filter, byMonth === 'true');
    },
  );

  get(
    {
      path: '/api/documents/:id/raw',
      summary: 'The raw text as ingested (decoded, before cleaning)',
      tag: 'documents',
      params: IdParams,
      response: { mediaType: 'text/plain', description: 'the raw text' },
    },
    async (request, reply) => reply.type('text/plain; charset=utf-8').send(findDocument(store, request).raw),
  );

  get(
    {
      path: '/api/search',
      summary:
        'Full-text search (BM25) with plain-text snippets, facets (outlet, section, month, entity, speaker, has quotes) and filters by each',
      tag: 'search',
      query: SearchQuerySchema,
      response: SearchPageSchema,
    },
    async (request) => {
      const params = SearchQuerySchema.parse(request.query);
      // A malformed or over-limit query is refused here at once, not after waiting for a read process.
      toFtsQuery(params.q);
      return reads ? reads.run(params) : searchTask(store, identities, params);
    },
  );

  get(
    {
      path: '/api/quotes',
      summary: 'Quotes across the corpus, filtered by speaker, entity mentioned, outlet and date',
      tag: 'corpus',
      query: QuotesQuerySchema,
      response: QuotePageSchema,
    },
    async (request) => store.listQuotes(QuotesQuerySchema.parse(request.query)),
  );

  // /api/entities and /api/entities/:name: see entity-routes.ts (corpus identities).

  get(
    {
      path: '/api/timeline',
      summary: 'Dated expressions and events in date order, with their sources',
      tag: 'corpus',
      query: TimelineQuerySchema,
      response: TimelineSchema,
    },
    async (request) => {
      const { merged, ...query } = TimelineQuerySchema.parse(request.query);
      const entries = store.timeline(query);
      if (merged !== 'true') return { entries };
      // Merged entries are read from the saved corpus state (computeTimeline after ingest): cheap.
      return { entries, merged: (readTimeline(store, query) ?? []).slice(0, query.limit) };
    },
  );

  get(
    {
      path: '/api/statements',
      summary: 'Statements: the same quote reported by several documents once, with every source and wording',
      tag: 'corpus',
      query: StatementsQuerySchema,
      response: StatementPageSchema,
    },
    async (request) => {
      const { minSources, ...query } = StatementsQuerySchema.parse(request.query);
      const state = store.getCorpusState<StatementsState>(STATEMENTS_STATE);
      if (!state) return { available: false, total: 0, statements: [] };
      const page = queryStatements(state.statements, { ...query, minDocuments: minSources });
      return { available: true, computedAt: state.computedAt, ...page };
    },
  );

  get(
    {
      path: '/api/claims',
      summary: 'Date and figure conflicts and agreements across and within documents, with both pieces of evidence',
      tag: 'corpus',
      query: ClaimsQuerySchema,
      response: ClaimsSchema,
    },
    async (request) => {
      const query = ClaimsQuerySchema.parse(request.query);
      const state = store.getCorpusState<ClaimsState>(CLAIMS_STATE);
      if (!state) return { available: false, documents: 0, total: 0, claims: [] };
      const matching = state.claims.filter(
        (claim) => (!query.kind || claim.kind === query.kind) && (!query.relation || claim.relation === query.relation),
      );
      return {
        available: true,
        ...state,
        total: matching.length,
        claims: matching.slice(query.offset, query.offset + query.limit),
      };
    },
  );

  get(
    {
      path: '/api/stories',
      summary: 'Story clusters: documents about one event or statement, with label, dates and outlets',
      tag: 'corpus',
      response: StoriesSchema,
    },
    async () => {
      const stories = store.getCorpusState<StoredStory[]>('stories');
      if (!stories) {
        return { available: false, message: 'the corpus has not been linked yet: run lede link', stories: [] };
      }
      return {
        available: true,
        message: `${stories.length} stories`,
        stories: stories
          .filter((story) => story.memberIds.length > 1)
          .concat(stories.filter((story) => story.memberIds.length === 1))
          .slice(0, 500)
          .map((story) => ({
            id: story.id,
            label: story.label,
            dates: story.dates,
            outlets: story.outlets,
            members: story.memberIds.flatMap((id) => {
              const doc = store.getDocument(id);
              return doc
                ? [
                    {
                      id: doc.id,
                      headline: doc.meta.headline,
                      outlet: doc.meta.outlet,
                      published: doc.meta.published?.value,
                    },
                  ]
                : [];
            }),
          })),
      };
    },
  );

  get(
    {
      path: '/api/stories/:id',
      summary: 'One story (by story id or the id of a member): members in date order, versions and their diffs',
      tag: 'corpus',
      params: IdParams,
      response: StoryDetailSchema,
    },
    async (request) => {
      const { id } = IdParams.parse(request.params);
      const detail = describeStory(store, id);
      if (!detail) throw new LedeError('NOT_FOUND', `no story ${id}`);
      return detail;
    },
  );

  registerExportRoute(app, docs, store, exportOptions);
}

function findDocument(store: Store, request: FastifyRequest) {
  const { id } = IdParams.parse(request.params);
  const doc = store.getDocument(id);
  if (!doc) throw new LedeError('NOT_FOUND', `no document ${id}`);
  return doc;
}
