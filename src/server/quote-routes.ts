import { canonicalName } from '../link/index.js';
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
      const index = await identities.current();
      // Once identities are built, a speaker is one record under all its names, as in search.
      const page = await queryQuotes(store, {
        ...query,
        speaker: query.speaker && canonicalName(index, query.speaker),
        entity: query.entity && canonicalName(index, query.entity),
        names: index?.names,
      });
      if (!index) return page;
      // A speaker no identity is named by is a description: shown, but with no entity page to link to.
      return {
        ...page,
        quotes: page.quotes.map((quote) =>
          quote.key && index.find(quote.key).length === 0 ? { ...quote, speakerDescribed: true } : quote,
        ),
      };
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
      const state = await readStatements(store);
      if (!state) return { available: false, total: 0, statements: [] };
      return {
        available: true,
        computedAt: state.computedAt,
        ...statementsPage(state, { ...query, minDocuments: minSources }),
      };
    },
  );
}
