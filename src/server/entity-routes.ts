import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { LedeError } from '../errors.js';
import { type CurationDecision, curateIdentities, describeDecision } from '../link/index.js';
import { identityProfile, identityRows } from '../query/index.js';
import type { Store } from '../store/index.js';
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
      const state = (await identities.current())?.state;
      if (!state) {
        // One row past the page tells whether another page follows, without counting every name.
        const rows = await store.listEntities({ ...query, text: query.q, limit: query.limit + 1 });
        return { source: 'index', more: rows.length > query.limit, entities: rows.slice(0, query.limit) };
      }
      const { total, rows } = identityRows(state, query);
      return { source: 'identities', total, more: query.offset + rows.length < total, entities: rows };
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
      const index = await identities.current();
      const record = index?.find(name).sort((a, b) => b.mentions - a.mentions)[0];
      if (index && record) return identityProfile(store, index, record);
      const profile = await store.getEntity(name);
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
        const outcome = await curateIdentities(store, decision);
        if (!outcome.applied) throw new LedeError('USAGE', `not recorded: ${outcome.reason}`);
        await identities.replace(outcome.state);
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
