import type { z } from 'zod';
import { canonicalName } from '../link/index.js';
import type { SearchPage, Store } from '../store/index.js';
import type { IdentityCache } from './identity-cache.js';
import type { SearchQuerySchema } from './schemas.js';

export type SearchParams = z.infer<typeof SearchQuerySchema>;

/** GET /api/search's work, done wherever the store is: a read process, or the server when there is none. */
export async function searchTask(store: Store, identities: IdentityCache, params: SearchParams): Promise<SearchPage> {
  const { q, entity, speaker, hasQuotes, ...query } = params;
  // Once identities are built, entities and speakers are corpus identities: any of their names finds them.
  const index = await identities.current();
  return store.search({
    ...query,
    text: q,
    entity: entity && canonicalName(index, entity),
    speaker: speaker && canonicalName(index, speaker),
    hasQuotes: hasQuotes === undefined ? undefined : hasQuotes === 'true',
    names: index?.names,
  });
}
