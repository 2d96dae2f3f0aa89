import { queryQuotes, readStatements, statementsPage } from '../query/index.js';
import type { Store } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import type { IdentityCache } from './identity-cache.js';
import { QuotePageSchema, QuotesQuerySchema, StatementPageSchema, StatementsQuerySchema } from './schemas.js';

/** Quotes one by one (the span index) and grouped into statements (the saved corpus state). */
export function registerQuoteRoutes(get: GetRoute, store: Store, identities: IdentityCache): void {
  get(
    {
      path: '/api/quotes',
      summary: 'Quotes across the corpus, filtered by speaker, entity mentioned, outlet and date',
      tag: 'corpus',
      query: QuotesQuerySchema,
      response: QuotePageSchema,
    },
    async (request) => {
      const query = QuotesQuerySchema.parse(request.query);
      // Once identities are built, a speaker is one record under all its names, as in search.
      return queryQuotes(store, {
        ...query,
        speaker: query.speaker && identities.canonical(query.speaker),
        entity: query.entity && identities.canonical(query.entity),
        names: identities.current()?.names,
      });
    },
  );
}

export function registerStatementRoutes(get: GetRoute, store: Store): void {
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
      const state = readStatements(store);
      if (!state) return { available: false, total: 0, statements: [] };
      return {
        available: true,
        computedAt: state.computedAt,
        ...statementsPage(state, { ...query, minDocuments: minSources }),
      };
    },
  );
}
