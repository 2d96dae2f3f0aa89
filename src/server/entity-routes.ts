import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { LedeError } from '../errors.js';
import {
  type CurationDecision,
  curateIdentities,
  describeDecision,
  type IdentityIndex,
  listEntities,
  type StoredIdentity,
} from '../link/index.js';
import type { EntityProfile, SpanRecord, Store } from '../store/index.js';
import { addRoute } from './add-route.js';
import type { IdentityCache } from './identity-cache.js';
import type { RouteDoc } from './openapi.js';
import {
  CurationResultSchema,
  EntitiesQuerySchema,
  EntityAliasBody,
  EntityListSchema,
  EntityMergeBody,
  EntityProfileSchema,
  EntityRenameBody,
  EntitySplitBody,
  NameParams,
} from './schemas.js';

/**
 * `/api/entities`: corpus identities (one per real-world entity, curation applied) once they are
 * built, else the per-document names of the span index. Curation POSTs need the bearer token (the
 * write hook guards every non-GET `/api/` route) and rebuild the identities at once.
 */
export function registerEntityRoutes(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  identities: IdentityCache,
): void {
  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/entities',
      summary: 'Entities across the corpus (one per real-world entity once identities are built), most mentioned first',
      tag: 'corpus',
      query: EntitiesQuerySchema,
      response: EntityListSchema,
    },
    async (request) => {
      const query = EntitiesQuerySchema.parse(request.query);
      const state = identities.current()?.state;
      if (!state) return { source: 'index', entities: store.listEntities({ ...query, text: query.q }) };
      const prefix = query.q?.toLowerCase();
      const records = prefix
        ? state.records.filter((record) =>
            [record.name, ...record.aliases].some((name) => name.toLowerCase().startsWith(prefix)),
          )
        : state.records;
      const byId = new Map(state.records.map((record) => [record.id, record]));
      const rows = listEntities(records, { type: query.type }).slice(query.offset, query.offset + query.limit);
      return {
        source: 'identities',
        entities: rows.map((row) => {
          const record = byId.get(row.id);
          return { ...row, variants: record?.variants ?? [], roles: record?.roles ?? [] };
        }),
      };
    },
  );

  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/entities/:name',
      summary:
        'One entity by any of its names: aliases, roles, evidence, surface forms, mentions over time, quotes by and about it, co-occurring entities',
      tag: 'corpus',
      params: NameParams,
      response: EntityProfileSchema,
    },
    async (request) => {
      const { name } = NameParams.parse(request.params);
      const index = identities.current();
      const record = index?.find(name).sort((a, b) => b.mentions - a.mentions)[0];
      if (index && record) return identityProfile(store, index, record);
      const profile = store.getEntity(name);
      if (!profile) throw new LedeError('NOT_FOUND', `no entity named ${name}`);
      return profile;
    },
  );

  const curate = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    toDecision: (parsed: z.infer<S>) => CurationDecision,
  ) =>
    addRoute(
      app,
      docs,
      {
        method: 'POST',
        path,
        summary: `${summary}; needs the bearer token`,
        tag: 'write',
        auth: true,
        requestBody: { mediaTypes: ['application/json'], description: 'a JSON object (see the summary)', schema: body },
        response: CurationResultSchema,
      },
      async (request) => {
        const decision = toDecision(body.parse(request.body));
        const outcome = curateIdentities(store, decision);
        if (!outcome.applied) throw new LedeError('USAGE', `not recorded: ${outcome.reason}`);
        identities.replace(outcome.state);
        return {
          recorded: true,
          decision,
          description: describeDecision(decision),
          entities: outcome.state.records.length,
        };
      },
    );
  curate('/api/entities/merge', 'Merge entity FROM into INTO: {into, from, note?}', EntityMergeBody, (b) => ({
    kind: 'merge',
    ...b,
  }));
  curate(
    '/api/entities/split',
    'Move the mentions named ALIAS out of ENTITY: {entity, alias, note?}',
    EntitySplitBody,
    (b) => ({ kind: 'split', ...b }),
  );
  curate('/api/entities/rename', 'Give ENTITY a new canonical name: {entity, name, note?}', EntityRenameBody, (b) => ({
    kind: 'rename',
    ...b,
  }));
  curate(
    '/api/entities/alias',
    'Add or remove an alias: {entity, alias, action: add|remove, note?}',
    EntityAliasBody,
    ({ action, ...b }) => ({ kind: action === 'add' ? 'alias-add' : 'alias-remove', ...b }),
  );
}

const MAX_KEYS = 20;
const RECENT_DOCUMENTS = 20;

/**
 * The page of one identity: what the identity knows (names, roles, evidence, documents), plus the
 * span-index views (months, quotes, recent documents) summed over the per-document names it covers.
 */
function identityProfile(store: Store, identities: IdentityIndex, record: StoredIdentity) {
  const profiles = record.keys
    .slice(0, MAX_KEYS)
    // Its own co-occurrence and surface forms come from the identity: the index's would be discarded.
    .map((key) => store.getEntity(key, { skip: ['cooccurring', 'surfaceForms'] }))
    .filter((profile): profile is EntityProfile => profile !== undefined);
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
      [
        ...profiles.flatMap((profile) => profile.recentDocuments),
        ...store.newestDocRefs(record.fieldDocuments ?? [], RECENT_DOCUMENTS),
      ],
      (doc) => doc.id,
    )
      .sort(newestFirst)
      .slice(0, RECENT_DOCUMENTS),
    quotesBy: unique(
      profiles.flatMap((profile) => profile.quotesBy),
      spanKey,
    )
      .sort((a, b) => newestFirst(a.doc, b.doc))
      .slice(0, 50),
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
