/** What `lede entities` and `lede entity NAME` show, computed from entity records (store-independent). */
import type { EntityType } from '../../model/index.js';
import { findRecords } from './curation.js';
import type { EntityRecord } from './types.js';

/** What listing and describing need of a record: a full `EntityRecord`, or the compact one the store keeps. */
export type IdentityLike = Pick<EntityRecord, 'id' | 'name' | 'type' | 'aliases' | 'documents'> & {
  mentions: number | readonly unknown[];
};

export const mentionCount = (record: IdentityLike): number =>
  typeof record.mentions === 'number' ? record.mentions : record.mentions.length;

export interface EntityFilter {
  type?: EntityType;
  /** Only entities with at least this many mentions. */
  minMentions?: number;
  /** Only entities whose name or an alias contains this text (case-insensitive). */
  search?: string;
  limit?: number;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  documents: number;
  aliases: string[];
}

export function listEntities(records: readonly IdentityLike[], filter: EntityFilter = {}): EntitySummary[] {
  const search = filter.search?.toLowerCase();
  return records
    .filter((record) => !filter.type || record.type === filter.type)
    .filter((record) => mentionCount(record) >= (filter.minMentions ?? 0))
    .filter((record) => !search || [record.name, ...record.aliases].some((name) => name.toLowerCase().includes(search)))
    .sort((a, b) => mentionCount(b) - mentionCount(a) || a.name.localeCompare(b.name))
    .slice(0, filter.limit ?? Number.POSITIVE_INFINITY)
    .map((record) => ({
      id: record.id,
      name: record.name,
      type: record.type,
      mentions: mentionCount(record),
      documents: record.documents.length,
      aliases: record.aliases,
    }));
}

export interface EntityDetail<R extends IdentityLike = EntityRecord> {
  record: R;
  /** Other entities mentioned in the same documents, by how many documents they share. */
  cooccurring: { name: string; type: EntityType; sharedDocuments: number }[];
}

/** One entity by any of its names, or undefined; throws nothing, so callers decide what "ambiguous" means. */
export function describeEntity<R extends IdentityLike>(records: readonly R[], name: string): EntityDetail<R>[] {
  return findRecords(records, name).map((record) => {
    const documents = new Set(record.documents);
    const cooccurring = records
      .filter((other) => other !== record)
      .map((other) => ({
        name: other.name,
        type: other.type,
        sharedDocuments: other.documents.filter((doc) => documents.has(doc)).length,
      }))
      .filter((other) => other.sharedDocuments > 0)
      .sort((a, b) => b.sharedDocuments - a.sharedDocuments || a.name.localeCompare(b.name));
    return { record, cooccurring };
  });
}
