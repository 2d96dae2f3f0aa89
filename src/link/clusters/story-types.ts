/** The story index's shapes: its options, its stories and members, and what a store keeps of it. */
import type { StoryPrior } from './story-prior.js';
import type { StoryTerms, StoryTermWeights } from './story-terms.js';

export interface StoryIndexOptions {
  /** Mean cosine to a story's members at or above which a document joins it. */
  threshold?: number;
  /** A dated document never joins a story whose dates lie more than this many days away. */
  maxDayGap?: number;
  weights?: StoryTermWeights;
  /** Factor on the similarity of a document and a story that quote at length and share under a tenth of the document's quoted trigrams. */
  quotePenalty?: number;
  /** Background document frequencies; defaults to the shipped models/story-df.json.gz (null: start cold). */
  prior?: StoryPrior | null;
  /** Merge two stories when a new member brings them close (off by default: on ECB+ train it did not help, 0.861 against 0.866 B-cubed F1 at 0.18). */
  mergeStories?: boolean;
  /**
   * Most passes of `refine()` (default 10): each member moves to the story it is now closest to.
   * Online arrival decides early members on little evidence; on ECB+ dev the mean B-cubed F1 over
   * 12 arrival orders rose from 0.867 to 0.899 with refinement (threshold 0.2, earlier term weights).
   */
  refineRounds?: number;
  /**
   * The index an earlier run kept (in the store): its documents count in the document frequencies
   * and its stories are read only when a new document touches them. Without it every earlier
   * document is put back with `restore`.
   */
  kept?: KeptStories;
}

/**
 * An index kept between runs: the stories and document frequencies of every document placed before,
 * read a term or a story at a time (from a store, hence asynchronously). Its stories' centroids are sums built in arrival order, as
 * `restore` builds them, so a document is placed as if every earlier one had been restored.
 */
export interface KeptStories {
  /** Documents placed before, counted in the document frequencies. */
  documents: number;
  /** The first story number no kept story has. */
  nextStory: number;
  /** In how many kept documents each term occurs (absent: none). */
  frequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Stories whose centroid holds the term, in the arrival order of the member that first brought it. */
  storiesWithTerm(term: string): Promise<number[]>;
  centroid(story: number): Promise<Map<string, number>>;
  /** A story's kept members in arrival order; their terms only when asked (an empty map otherwise). */
  members(story: number, withTerms: boolean): Promise<StoryMember[]>;
}

/** What a story index holds of a member: its story and what it adds to the story's centroid. */
export interface PlacedMember {
  story: number;
  norm: number;
  /** Each term with what it adds to the story's centroid (log-tf / norm), in the order they are summed. */
  shares: [string, number][];
}

export interface StoryMember {
  name: string;
  terms: StoryTerms;
  headline?: string;
  date?: string;
  outlet?: string;
  /** Norm of the TF-IDF vector when the document arrived. */
  norm: number;
}

export interface Story {
  id: number;
  /** Members held by this index, by number. */
  members: number[];
  /** Members kept from earlier runs and not held (a kept index): how many, and the days of the dated ones. */
  keptMembers: number;
  keptDays: number[];
  /** Σ over members of log-tf / norm, per term: mean cosine to the members is one sparse dot product with it. */
  centroid: Map<string, number>;
  /** A kept story whose centroid is not read yet (its members and dates are): read when first compared. */
  centroidUnread?: boolean;
  /** Dates of its dated members, as days since 1970. */
  firstDay?: number;
  lastDay?: number;
  /** Quoted-speech terms among its members' terms. */
  quoteTerms: number;
  /** Set when the story was merged into another. */
  mergedInto?: number;
}

/** One story as the CLI and API show it. */
export interface StorySummary {
  id: string;
  /** The headline of the member most similar, on average, to the others. */
  label: string;
  members: string[];
  dates?: { first: string; last: string };
  outlets: string[];
}
