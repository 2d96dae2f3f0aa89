import { LedeError } from '../errors.js';
import { describeStory, filterClaims, NOT_LINKED, queryStories, readClaims, storyMembers } from '../query/index.js';
import type { Store } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import { ClaimsQuerySchema, ClaimsSchema, IdParams, StoriesSchema, StoryDetailSchema } from './schemas.js';

/** Stories listed at most this many at once: clusters first, so the ones worth reading are never cut. */
const STORIES_SHOWN = 500;

export function registerClaimRoutes(get: GetRoute, store: Store): void {
  get(
    {
      path: '/api/claims',
      summary: 'Date and figure conflicts and agreements across and within documents, with both pieces of evidence',
      tag: 'corpus',
      query: ClaimsQuerySchema,
      response: ClaimsSchema,
    },
    async (request) => {
      const query = ClaimsQuerySchema.parse(request.query);
      const state = readClaims(store);
      if (!state) return { available: false, documents: 0, total: 0, claims: [] };
      return { available: true, ...state, ...filterClaims(state, query) };
    },
  );
}

export function registerStoryRoutes(get: GetRoute, store: Store): void {
  get(
    {
      path: '/api/stories',
      summary: 'Story clusters: documents about one event or statement, with label, dates and outlets',
      tag: 'corpus',
      response: StoriesSchema,
    },
    async () => {
      const page = queryStories(store, { clustersFirst: true, limit: STORIES_SHOWN });
      if (!page) return { available: false, message: NOT_LINKED, stories: [] };
      return {
        available: true,
        message: `${page.stored} stories`,
        stories: page.stories.map((story) => ({
          id: story.id,
          label: story.label,
          dates: story.dates,
          outlets: story.outlets,
          members: storyMembers(store, story),
        })),
      };
    },
  );

  get(
    {
      path: '/api/stories/:id',
      summary: 'One story (by story id or the id of a member): members in date order, versions and their diffs',
      tag: 'corpus',
      params: IdParams,
      response: StoryDetailSchema,
    },
    async (request) => {
      const { id } = IdParams.parse(request.params);
      const detail = describeStory(store, id);
      if (!detail) throw new LedeError('NOT_FOUND', `no story ${id}`);
      return detail;
    },
  );
}
