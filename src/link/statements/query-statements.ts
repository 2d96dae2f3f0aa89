/** Filters saved statements the way `lede quotes --grouped` and `/api/statements` ask for them. */
import type { SavedStatement, StatementSource } from './compute-statements.js';

export interface StatementQuery {
  /** Speaker's resolved name, case-insensitive. */
  speaker?: string;
  /** Statements whose wording mentions this name, case-insensitive. */
  about?: string;
  /** Keep only the sources from this outlet (exact). */
  outlet?: string;
  /** Inclusive bounds on a source's date (utterance date if resolved, else publication), compared by prefix. */
  from?: string;
  to?: string;
  /** Only statements reported by at least this many documents. */
  minDocuments?: number;
  limit?: number;
  offset?: number;
}

export interface StatementPage {
  total: number;
  statements: SavedStatement[];
}

/** The date a source is placed at: the utterance date when it is a resolved day, else the publication date. */
export function sourceDate(source: StatementSource): string | undefined {
  return source.date && /^\d{4}/.test(source.date) ? source.date : source.published;
}

function inRange(date: string | undefined, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

export function queryStatements(statements: readonly SavedStatement[], query: StatementQuery = {}): StatementPage {
  const speaker = query.speaker?.toLowerCase();
  const about = query.about?.toLowerCase();
  const kept: SavedStatement[] = [];
  for (const statement of statements) {
    if (speaker && statement.speakerName?.toLowerCase() !== speaker) continue;
    if (about && !statement.sources.some((source) => source.text.toLowerCase().includes(about))) continue;
    const sources = statement.sources.filter(
      (source) =>
        (!query.outlet || source.outlet === query.outlet) && inRange(sourceDate(source), query.from, query.to),
    );
    if (sources.length === 0) continue;
    const documents = new Set(sources.map((source) => source.docId)).size;
    if (documents < (query.minDocuments ?? 1)) continue;
    kept.push(sources.length === statement.sources.length ? statement : { ...statement, sources, documents });
  }
  const offset = query.offset ?? 0;
  return { total: kept.length, statements: kept.slice(offset, offset + (query.limit ?? kept.length)) };
}
