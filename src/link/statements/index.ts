/**
 * link/statements: the same quote reported by several documents is one statement with several
 * sources (`lede quotes --grouped`, `/api/statements`). `computeStatements(store)` streams the
 * stored documents, groups their direct, partial and indirect quotes with `groupStatements`
 * (nlp/quotes/statements.ts) and saves the groups as the `statements` corpus state.
 * Requires the `quotes` layer (and `sentences` for the surrounding sentence).
 * Known limits: grouping is over the whole corpus in memory (quote records only, not documents);
 * a paraphrase worded differently stays a separate statement.
 * Measured: on the seeds the Kaabi quote of 000 and 001 is one statement with two sources
 * (`npx vitest run src/link/corpus-state.test.ts`); on ECB+ dev (197 docs, `lede ingest`, then
 * `lede quotes --grouped --min-sources 2 --limit 500 --json`) 975 quotes make 825 statements, 87 of
 * them from 2+ documents, all 87 within one ECB+ topic (no gold for statements: a proxy for precision);
 * computeStatements took 123-161 ms there.
 */
export type {
  SavedStatement,
  StatementSource,
  StatementsState,
} from './compute-statements.js';
export {
  computeStatements,
  groupSources,
  STATEMENTS_STATE,
  sentenceAround,
  sentenceWindow,
  statementSources,
} from './compute-statements.js';
export type { StatementPage, StatementQuery } from './query-statements.js';
export { queryStatements, sourceDate } from './query-statements.js';
