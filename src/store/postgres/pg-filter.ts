import type { DocFilter } from '../store.js';
import type { Params } from './pg-database.js';

/**
 * The SQLite store's document filter (src/store/sqlite/doc-filter.ts) over `documents d`: exact
 * outlet and section, inclusive ISO date prefix bounds, estimated dates left out of date bounds.
 */
export function docFilterConditions(filter: DocFilter, params: Params): string[] {
  const conditions: string[] = [];
  if (filter.outlet) conditions.push(`d.outlet = ${params.add(filter.outlet)}`);
  if (filter.section) {
    conditions.push(
      `EXISTS (SELECT 1 FROM document_sections fs WHERE fs.doc_seq = d.seq AND fs.section = ${params.add(filter.section)})`,
    );
  }
  if ((filter.from || filter.to) && !filter.includeEstimated) conditions.push('NOT d.published_estimated');
  if (filter.from) conditions.push(`d.published >= ${params.add(filter.from)}`);
  // Inclusive: `2024-03` and `2024-03-31` both take every date that starts with them.
  if (filter.to) conditions.push(`d.published < ${params.add(`${filter.to}z`)}`);
  return conditions;
}

export function whereClause(filter: DocFilter, params: Params): string {
  const conditions = docFilterConditions(filter, params);
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The date lists order by: estimated dates count as none unless the filter includes them. */
export function dateOrder(filter: DocFilter): string {
  return filter.includeEstimated ? 'd.published' : 'CASE WHEN d.published_estimated THEN NULL ELSE d.published END';
}

/** A document reference shows a stated date only: an estimate is a range, shown on the document's own page. */
export const STATED_PUBLISHED = 'CASE WHEN d.published_estimated THEN NULL ELSE d.published END AS published';

/**
 * A document's ordering day in a story: its stated date, else the first day of its estimate, else
 * none (the SQLite store's ORDERING_DAY).
 */
export const ORDERING_DAY = `CASE WHEN d.published_estimated THEN d.meta->'published'->>'earliest' ELSE d.published END`;

/** PostgreSQL text and JSON hold no NUL character: one in scraped text becomes U+FFFD, which keeps every offset. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('\ufffd') : text;
}

/** JSON for a jsonb column: `\u0000` is refused there. */
export function jsonForPg(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.split('\\u0000').join('\\ufffd') : json;
}
