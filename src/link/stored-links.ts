import { defineCorpusState } from '../model/index.js';
import type { StorySummary } from './clusters/index.js';

/**
 * What linking stores for the corpus views, with their keys: here, beside the algorithms, so that a
 * reader (the query layer, the CLI) needs neither the pipeline nor its stages to read them.
 */
/** A story as stored: the summary `lede stories` prints, with members by document id too. */
export interface StoredStory extends StorySummary {
  memberIds: string[];
}

/** A group of versions of one article, by document id. */
export interface StoredDuplicateGroup {
  id: string;
  kind: 'exact' | 'near';
  memberIds: string[];
  /** Names as `lede duplicates --json` prints them: external ids where the records had them. */
  members: string[];
  pairs: { a: string; b: string; jaccard: number }[];
}

export const STORIES_STATE = defineCorpusState<StoredStory[]>('stories');
export const DUPLICATES_STATE = defineCorpusState<StoredDuplicateGroup[]>('duplicates');
