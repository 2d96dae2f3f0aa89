import { type Store, toFtsQuery } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import type { IdentityCache } from './identity-cache.js';
import { SearchPageSchema, SearchQuerySchema } from './schemas.js';
import type { SearchLanes } from './search-lanes.js';
import { searchTask } from './search-task.js';

export function registerSearchRoute(
  get: GetRoute,
  store: Store,
  identities: IdentityCache,
  reads: SearchLanes | undefined,
): void {
  get(
    {
      path: '/api/search',
      summary:
        'Full-text search (BM25) with plain-text snippets, facets (outlet, section, month, entity, speaker, has quotes, language) and filters by each',
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
}
