import type { KeptStories, StoryMember } from './story-types.js';

/**
 * A kept story index (`KeptStories`, read from a store) as the story index reads it: each term's
 * frequency and stories, and each story's members with their terms, are read once and remembered.
 */
export class KeptStoryReader {
  /** Terms whose kept document frequency has been handed out. */
  private readonly frequenciesRead = new Set<string>();
  private readonly postings = new Map<string, number[]>();
  private readonly membersWithTerms = new Map<number, StoryMember[]>();

  constructor(readonly kept: KeptStories) {}

  /** Terms whose kept frequency is not read yet. */
  unreadTerms(terms: Iterable<string>): string[] {
    const unread: string[] = [];
    for (const term of terms) if (!this.frequenciesRead.has(term)) unread.push(term);
    return unread;
  }

  /** The kept frequencies of the terms not read before (absent: none), which count as read from now on. */
  async readFrequencies(terms: Iterable<string>): Promise<[string, number][]> {
    const unread = this.unreadTerms(terms);
    if (unread.length === 0) return [];
    const kept = await this.kept.frequencies(unread);
    const read: [string, number][] = [];
    for (const term of unread) {
      this.frequenciesRead.add(term);
      const count = kept.get(term);
      if (count !== undefined) read.push([term, count]);
    }
    return read;
  }

  /** The kept stories with this term, once read (`readStoriesWithTerm`). */
  storiesWithTerm(term: string): number[] | undefined {
    return this.postings.get(term);
  }

  async readStoriesWithTerm(term: string): Promise<number[]> {
    let stories = this.postings.get(term);
    if (!stories) {
      stories = await this.kept.storiesWithTerm(term);
      this.postings.set(term, stories);
    }
    return stories;
  }

  /** A kept story's members with their terms, read once. */
  async members(story: number): Promise<StoryMember[]> {
    let members = this.membersWithTerms.get(story);
    if (!members) {
      members = await this.kept.members(story, true);
      this.membersWithTerms.set(story, members);
    }
    return members;
  }
}
