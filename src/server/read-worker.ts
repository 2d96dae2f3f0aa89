/**
 * A read process of the server's pool (process-pool.ts): its own read-only connection to the
 * database named by the first argument, answering one search at a time.
 */
import { openSqliteStore } from '../store/index.js';
import { answerTasks } from './child-module.js';
import { IdentityCache } from './identity-cache.js';
import { type SearchParams, searchTask } from './search-task.js';

const store = openSqliteStore(process.argv[2] as string, { readonly: true });
const identities = new IdentityCache(store);

answerTasks<SearchParams>(
  (params) => searchTask(store, identities, params),
  () => store.close(),
);
