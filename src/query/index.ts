/**
 * query/: the reads the CLI and the server share (stories, claims, quotes, statements, timeline,
 * entities, framing), so both answer the same question the same way and only parse and format.
 */

export {
  CLAIMS_SORTS,
  type ClaimsFilter,
  type ClaimsPage,
  type ClaimsSort,
  filterClaims,
  readClaims,
} from './claims.js';
export { currentIdentities, type IdentityListQuery, identityProfile, identityRows } from './entities.js';
export {
  documentFraming,
  type FramingExample,
  framingExamples,
  framingReport,
  prepareFraming,
} from './framing.js';
export { queryQuotes, quoteSources } from './quotes.js';
export { readStatements, statementsPage } from './statements.js';
export {
  NOT_LINKED,
  prepareStories,
  queryDuplicates,
  queryStories,
  requireLinked,
  STORIES_SORTS,
  type StoriesPage,
  type StoriesQuery,
  type StoriesSort,
  type StoryMember,
  storyMembers,
} from './stories.js';
export {
  type DuplicateGroupDetail,
  type DuplicateGroupsPage,
  describeStory,
  duplicateGroupsPage,
  STORY_PAGE_SIZE,
  type StoryDetail,
  type StoryPageQuery,
  storyDocuments,
} from './story-detail.js';
export {
  type MergedTimelinePage,
  type MergedTimelineQuery,
  mergedTimeline,
  mergedTimelinePage,
  TIMELINE_ZOOMS,
  type TimelineZoom,
  timelineMentions,
} from './timeline.js';
