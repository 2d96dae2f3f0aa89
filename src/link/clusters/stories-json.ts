import type { Doc } from '../../model/index.js';
import { StoryIndex } from './story-index.js';
import type { StoryIndexOptions, StorySummary } from './story-types.js';

/**
 * Clusters documents into stories in the order given (their arrival order), as one batch that is
 * refined at its end (as `lede link` does), and summarises each.
 */
export async function findStories(docs: readonly Doc[], options: StoryIndexOptions = {}): Promise<StorySummary[]> {
  const index = new StoryIndex(options);
  for (const doc of docs) await index.add(doc);
  await index.refine();
  return index.summaries();
}

/** The `lede stories --json` document: every story, single-document ones included. */
export async function storiesJson(
  docs: readonly Doc[],
  options: StoryIndexOptions = {},
): Promise<{ stories: StorySummary[] }> {
  return { stories: await findStories(docs, options) };
}
