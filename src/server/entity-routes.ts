import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { LedeError } from '../errors.js';
import {
  type CurationDecision,
  curateIdentities,
  describeDecision,
  findRecords,
  type IdentityState,
  listEntities,
  loadIdentities,
  type StoredIdentity,
} from '../link/index.js';
import type { EntityProfile, SpanRecord, Store } from '../store/index.js';
import type { RouteDoc } from './openapi.js';
import { addRoute } from './routes.js';
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

/** Other processes (`lede ingest`, `lede entities merge`) may rebuild identities: re-read them this often. */
const IDENTITY_CACHE_MS = 5000;

/**
 * `/api/entities`: corpus identities (one per real-world entity, curation applied) once they are
 * built, else the per-document names of the span index. Curation POSTs need the bearer token (the
 * write hook guards every non-GET `/api/` route) and rebuild the identities at once.
 */
export function registerEntityRoutes(app: FastifyInstance, docs: RouteDoc[], store: Store): void {
  // Only built identities are cached: a store without them is asked again, so a first build shows at once.
  let cached: { state: IdentityState; at: number } | undefined;
  const identities = () => {
    if (cached && Date.now() - cached.at <= IDENTITY_CACHE_MS) return cached.state;
    const state = loadIdentities(store);
    cached = state && { state, at: Date.now() };
    return state;
  };

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
      const state = identities();
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
      const state = identities();
      const record = state && findRecords(state.records, name).sort((a, b) => b.mentions - a.mentions)[0];
      if (record) return identityProfile(store, state, record);
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
        cached = { state: outcome.state, at: Date.now() };
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

/**
 * The page of one identity: what the identity knows (names, roles, evidence, documents), plus the
 * span-index views (months, quotes, recent documents) summed over the per-document names it covers.
 */
function identityProfile(store: Store, state: IdentityState, record: StoredIdentity) {
  const profiles = record.keys
    .slice(0, MAX_KEYS)
    .map((key) => store.getEntity(key))
    .filter((profile): profile is EntityProfile => profile !== undefined);
  const documents = new Set(record.documents);
  const cooccurring = state.records
    .filter((other) => other !== record)
    .map((other) => ({
      name: other.name,
      type: other.type,
      documents: other.documents.filter((doc) => documents.has(doc)).length,
    }))
    .filter((other) => other.documents > 0)
    .sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name))
    .slice(0, 12);
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
    recentDocuments: unique(
      profiles.flatMap((profile) => profile.recentDocuments),
      (doc) => doc.id,
    )
      .sort(newestFirst)
      .slice(0, 20),
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
