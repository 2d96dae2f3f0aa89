import {
  type IdentityIndex,
  type IdentityState,
  listEntities,
  loadIdentities,
  rebuildIdentities,
  type StoredIdentity,
} from '../link/index.js';
import type { EntityType } from '../model/index.js';
import type { CorpusIndex, EntityProfile, EntitySort, SpanRecord, Store } from '../store/index.js';

/** The saved identities; built on first use (and with `rebuild`) so a fresh store needs no extra step. */
export async function currentIdentities(store: Store, rebuild = false): Promise<IdentityState> {
  return (!rebuild && (await loadIdentities(store))) || rebuildIdentities(store);
}

export interface IdentityListQuery {
  /** Name or alias prefix, case-insensitive. */
  q?: string;
  type?: EntityType;
  sort?: EntitySort;
  offset: number;
  limit: number;
}

/** A page of identities, most mentioned first, each with its spelling variants and roles. */
export function identityRows(state: IdentityState, query: IdentityListQuery) {
  const prefix = query.q?.toLowerCase();
  const records = prefix
    ? state.records.filter((record) =>
        [record.name, ...record.aliases].some((name) => name.toLowerCase().startsWith(prefix)),
      )
    : state.records;
  const byId = new Map(state.records.map((record) => [record.id, record]));
  const matching = sortEntities(listEntities(records, { type: query.type }), query.sort);
  const rows = matching.slice(query.offset, query.offset + query.limit).map((row) => {
    const record = byId.get(row.id);
    return { ...row, variants: record?.variants ?? [], roles: record?.roles ?? [] };
  });
  return { total: matching.length, rows };
}

const MAX_KEYS = 20;
const RECENT_DOCUMENTS = 20;

/**
 * The page of one identity: what the identity knows (names, roles, evidence, documents), plus the
 * span-index views (months, quotes, recent documents) summed over the per-document names it covers.
 */
export async function identityProfile(store: CorpusIndex, identities: IdentityIndex, record: StoredIdentity) {
  const profiles: EntityProfile[] = [];
  for (const key of record.keys.slice(0, MAX_KEYS)) {
    // Its own co-occurrence and surface forms come from the identity: the index's would be discarded.
    const profile = await store.getEntity(key, { skip: ['cooccurring', 'surfaceForms'] });
    if (profile !== undefined) profiles.push(profile);
  }
  const fieldDocuments = await store.newestDocRefs(record.fieldDocuments ?? [], RECENT_DOCUMENTS);
  const quotesBy = (await store.listQuotes({ speaker: record.name, names: identities.names, limit: 50 })).quotes;
  const cooccurring = identities.cooccurring(record, 12);
  const spanKey = (span: SpanRecord) => `${span.doc.id}:${span.spanId}`;
  const newestFirst = (a: { published?: string }, b: { published?: string }) =>
    (b.published ?? '').localeCompare(a.published ?? '');
  return {
    name: record.name,
    types: sumCounts(profiles.flatMap((profile) => profile.types)),
    surfaceForms: record.surfaceForms.slice(0, 12),
    mentions: record.mentions,
    documents: record.documents.length,
    byMonth: sumCounts(profiles.flatMap((profile) => profile.byMonth)).sort((a, b) => a.value.localeCompare(b.value)),
    // Documents that name it only in a headline or caption have no span in the index: read apart.
    recentDocuments: unique(
      [...profiles.flatMap((profile) => profile.recentDocuments), ...fieldDocuments],
      (doc) => doc.id,
    )
      .sort(newestFirst)
      .slice(0, RECENT_DOCUMENTS),
    // The Quotes view's first page for this speaker, so that `the Tories said` counts here as it does there.
    quotesBy,
    quotesAbout: unique(
      profiles.flatMap((profile) => profile.quotesAbout),
      spanKey,
    ).slice(0, 50),
    cooccurring,
    cooccurrenceWindow: record.documents.length,
    id: record.id,
    aliases: record.aliases,
    variants: record.variants,
    roles: record.roles,
    evidence: record.evidence,
    documentIds: record.documents,
  };
}

function sumCounts(counts: readonly { value: string; count: number }[]): { value: string; count: number }[] {
  const sums = new Map<string, number>();
  for (const { value, count } of counts) sums.set(value, (sums.get(value) ?? 0) + count);
  return [...sums].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Rows come most mentioned first; `documents` and `name` reorder them (ties keep that order). */
function sortEntities<T extends { name: string; documents: number }>(rows: T[], sort: EntitySort | undefined): T[] {
  if (sort === 'documents') return [...rows].sort((a, b) => b.documents - a.documents);
  if (sort === 'name') return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return rows;
}
