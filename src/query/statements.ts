import {
  computeStatements,
  queryStatements,
  STATEMENTS_STATE,
  type StatementQuery,
  type StatementsState,
} from '../link/index.js';
import type { Store } from '../store/index.js';

/** The saved statements (undefined before they are first grouped); `recompute` regroups and saves them first. */
export function readStatements(
  store: Store,
  options: { recompute?: boolean } = {},
): Promise<StatementsState | undefined> {
  return options.recompute ? computeStatements(store) : store.getCorpusState(STATEMENTS_STATE);
}

export function statementsPage(state: StatementsState, query: StatementQuery) {
  return queryStatements(state.statements, query);
}
