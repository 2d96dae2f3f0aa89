/**
 * A read process of the server's pool (process-pool.ts): its own read-only connection to the
 * database named by the first argument, answering one search at a time.
 */
import { openStore } from '../store/index.js';
import { answerTasks, childArgs } from './child-module.js';
import { IdentityCache } from './identity-cache.js';
import { SearchQuerySchema } from './schemas.js';
import { type SearchParams, searchTask } from './search-task.js';

const store = await openStore(childArgs()[0] as string, { readonly: true });
const identities = new IdentityCache(store);

// The first search of a process builds the facet columns and loads the identities (half a second on
// 2,000 articles, more on more): done here, while the process waits for work, not while a user waits.
try {
  await searchTask(store, identities, SearchQuerySchema.parse({ q: 'the', limit: 1 }));
} catch {
  // An empty or unlinked store has nothing to warm; the real searches report their own errors.
}

answerTasks<SearchParams>(
  (params) => searchTask(store, identities, params),
  () => store.close(),
);
