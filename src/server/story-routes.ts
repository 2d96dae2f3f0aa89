import { LedeError } from '../errors.js';
import {
  describeStory,
  duplicateGroupsPage,
  filterClaims,
  NOT_LINKED,
  queryStories,
  readClaims,
  storyDocuments,
  storyMembers,
} from '../query/index.js';
import type { Store } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import type { IdentityCache } from './identity-cache.js';
import {
  ClaimsQuerySchema,
  ClaimsSchema,
  DuplicatesQuerySchema,
  DuplicatesSchema,
  IdParams,
  StoriesQuerySchema,
  StoriesSchema,
  StoryDetailSchema,
  StoryQuerySchema,
} from './schemas.js';

/** Members listed with each story in a list of stories. */
const LISTED_MEMBERS = 10;

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
      const { story, ...query } = ClaimsQuerySchema.parse(request.query);
      const state = await readClaims(store);
      if (!state) return { available: false, documents: 0, total: 0, claims: [] };
      const docs = story === undefined ? undefined : await storyDocuments(store, story);
      if (story !== undefined && !docs) throw new LedeError('NOT_FOUND', `no story ${story}`);
      return { available: true, ...state, ...filterClaims(state, { ...query, docs }) };
    },
  );
}

export function registerStoryRoutes(get: GetRoute, store: Store, identities: IdentityCache): void {
  // The documents that mention an entity, by its identity (any alias finds it). Linking builds the
  // identities with the stories, so a corpus with stories has them.
  const entityDocuments = async (name: string): Promise<ReadonlySet<string>> => {
    const record = (await identities.current())?.find(name).sort((a, b) => b.mentions - a.mentions)[0];
    return new Set(record?.documents ?? []);
  };

  get(
    {
      path: '/api/stories',
      summary:
        'Story clusters, a page at a time: documents about one event or statement, with label, dates and outlets',
      tag: 'corpus',
      query: StoriesQuerySchema,
      response: StoriesSchema,
    },
    async (request) => {
      const { entity, ...query } = StoriesQuerySchema.parse(request.query);
      const page = await queryStories(store, {
        ...query,
        withDocuments: entity ? await entityDocuments(entity) : undefined,
      });
      if (!page) return { available: false, message: NOT_LINKED, total: 0, stories: [] };
      const stories = [];
      for (const story of page.stories) {
        stories.push({
          id: story.id,
          label: story.label,
          dates: story.dates,
          outlets: story.outlets,
          size: story.memberIds.length,
          // A list shows a few; the story page pages through them all. A story of thousands stays one small row.
          members: await storyMembers(store, story, LISTED_MEMBERS),
        });
      }
      return {
        available: true,
        message: `${page.stored} ${page.stored === 1 ? 'story' : 'stories'} in the corpus`,
        total: page.total,
        stories,
      };
    },
  );

  get(
    {
      path: '/api/stories/:id',
      summary:
        'One story (by story id or the id of a member): a page of its members in date order, their versions with diffs, quotes and names',
      tag: 'corpus',
      params: IdParams,
      query: StoryQuerySchema,
      response: StoryDetailSchema,
    },
    async (request) => {
      const { id } = IdParams.parse(request.params);
      const detail = await describeStory(store, id, StoryQuerySchema.parse(request.query));
      if (!detail) throw new LedeError('NOT_FOUND', `no story ${id}`);
      return detail;
    },
  );
}

export function registerDuplicateRoutes(get: GetRoute, store: Store): void {
  get(
    {
      path: '/api/duplicates',
      summary: 'Groups of versions of one article (exact copies and edited re-publications), largest first, with diffs',
      tag: 'corpus',
      query: DuplicatesQuerySchema,
      response: DuplicatesSchema,
    },
    async (request) => {
      const query = DuplicatesQuerySchema.parse(request.query);
      const page = await duplicateGroupsPage(store, query);
      if (!page) return { available: false, message: NOT_LINKED, total: 0, groups: [] };
      return { available: true, message: `${page.total} ${page.total === 1 ? 'group' : 'groups'}`, ...page };
    },
  );
}
