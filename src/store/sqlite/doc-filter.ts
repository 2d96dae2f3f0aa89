import type { DatedValue } from '../../model/index.js';
import type { DocFilter } from '../store.js';

/** The date the span index keeps for a document: a stated one only, never an estimate. */
export function statedDate(published: DatedValue | undefined): string | undefined {
  return published && !published.estimated ? published.value : undefined;
}

/** The conditions of a document filter over `documents d`, with their parameters in order. */
export function docFilterConditions(filter: DocFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.outlet) {
    conditions.push('d.outlet = ?');
    params.push(filter.outlet);
  }
  if (filter.section) {
    conditions.push('EXISTS (SELECT 1 FROM document_sections fs WHERE fs.doc_seq = d.seq AND fs.section = ?)');
    params.push(filter.section);
  }
  if ((filter.from || filter.to) && !filter.includeEstimated) conditions.push('d.published_estimated = 0');
  if (filter.from) {
    conditions.push('d.published >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    // Inclusive: `2024-03` and `2024-03-31` both take every date that starts with them.
    conditions.push("d.published < ? || 'z'");
    params.push(filter.to);
  }
  return { conditions, params };
}

/** The date lists order by: estimated dates count as none unless the filter includes them. */
export function dateOrder(filter: DocFilter): string {
  return filter.includeEstimated ? 'd.published' : 'CASE WHEN d.published_estimated = 1 THEN NULL ELSE d.published END';
}

/** `WHERE …` for a document filter, or nothing when it filters nothing. */
export function whereClause(filter: DocFilter): { where: string; params: unknown[] } {
  const { conditions, params } = docFilterConditions(filter);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
