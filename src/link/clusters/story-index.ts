import type { Doc } from '../../model/index.js';
import { docName } from '../near-duplicates/index.js';
import { KeptStoryReader } from './kept-story-reader.js';
import { assertCentroidRead, candidateTerms, dayNumber, emptyStory, logTf, size } from './story-parts.js';
import { loadStoryPrior } from './story-prior.js';
import {
  DEFAULT_TERM_WEIGHTS,
  extractStoryTerms,
  loadStopwords,
  type StoryTerms,
  type StoryTermWeights,
} from './story-terms.js';
import type { PlacedMember, Story, StoryIndexOptions, StoryMember, StorySummary } from './story-types.js';

/** Quote trigrams a document or story needs before a lack of shared quotes counts against a match. */
const MIN_QUOTE_TERMS = 30;

/** Tuned on ECB+ train (`lede eval stories` prints the sweep). */
export const DEFAULT_STORY_THRESHOLD = 0.2;

/**
 * Online story clustering: each new document is compared with the stories that share a term with
 * it (mean TF-IDF cosine to their members, kept as one centroid per story) and joins the best
 * one at or above the threshold, or starts a new story. Nothing is recomputed for earlier documents.
 * With a kept index (`options.kept`, a store's) it reads what a document touches as it places it, so
 * `add`, `restore`, `refine` and `summaries` are asynchronous; without one they never wait.
 */
export class StoryIndex {
  private readonly threshold: number;
  private readonly maxDayGap: number;
  private readonly weights: StoryTermWeights;
  private readonly mergeStories: boolean;
  private readonly quotePenalty: number;
  private readonly refineRounds: number;
  private readonly stopwords = loadStopwords();
  private readonly df: Map<string, number>;
  private background = 0;
  private readonly postings = new Map<string, Set<number>>();
  private readonly members: StoryMember[] = [];
  private readonly assignment: number[] = [];
  /** Members restored with a story decided in an earlier run: `refine()` never moves them. */
  private readonly fixed = new Set<number>();
  private readonly stories: Story[] = [];
  private nextStory = 0;
  private readonly kept: KeptStoryReader | undefined;

  constructor(options: StoryIndexOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_STORY_THRESHOLD;
    this.maxDayGap = options.maxDayGap ?? 7;
    this.weights = options.weights ?? DEFAULT_TERM_WEIGHTS;
    this.mergeStories = options.mergeStories ?? false;
    this.quotePenalty = options.quotePenalty ?? 0.25;
    this.refineRounds = options.refineRounds ?? 10;
    const prior = options.prior === undefined ? loadStoryPrior() : options.prior;
    if (prior) {
      this.df = new Map(prior.df);
      this.background = prior.docs;
    } else this.df = new Map();
    this.kept = options.kept && new KeptStoryReader(options.kept);
    if (options.kept) {
      // Merging rewrites whole centroids, which a kept index holds only for the stories read.
      if (this.mergeStories) throw new RangeError('a kept story index does not merge stories');
      this.background += options.kept.documents;
      this.nextStory = options.kept.nextStory;
    }
  }

  get size(): number {
    return this.members.length;
  }

  /**
   * Counts a document's terms in the document frequencies without clustering it: warms the IDF with
   * a background corpus (the store's earlier documents) so the first arrivals are weighed sensibly.
   */
  observe(terms: StoryTerms): void {
    for (const term of terms.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.background++;
  }

  /** A document's terms as this index weighs them, to pass to `add` or `restore` (or keep for a later run). */
  termsOf(doc: Pick<Doc, 'text' | 'meta' | 'layers'>): StoryTerms {
    return extractStoryTerms(doc, this.stopwords, this.weights);
  }

  /** Adds a document; returns the story it joined (or started) and its mean similarity to it. */
  async add(
    doc: Pick<Doc, 'id' | 'externalId' | 'text' | 'meta' | 'layers'>,
    terms: StoryTerms = extractStoryTerms(doc, this.stopwords, this.weights),
  ): Promise<{ doc: number; story: number; similarity: number }> {
    const member = await this.admit(doc, terms);
    const index = this.members.length - 1;
    const day = dayNumber(member.date);
    let best = -1;
    let bestScore = this.threshold;
    const weighted = this.weighted(terms);
    await this.readKeptCandidates(weighted);
    const candidates = this.candidates(weighted);
    for (const story of candidates) {
      if (size(story) === 0 || !this.datesFit(story, day, day)) continue;
      if (story.centroidUnread) await this.readCentroid(story);
      const score = this.meanSimilarity(member, story, weighted);
      if (score >= bestScore) {
        best = story.id;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = this.nextStory++;
      this.stories[best] = emptyStory(best);
      bestScore = 1;
    }
    const story = this.story(best);
    if (story.centroidUnread) await this.readCentroid(story);
    this.assignment.push(best);
    this.attach(index, story);
    if (this.mergeStories) this.mergeNeighbours(story, candidates);
    return { doc: index, story: this.resolve(best), similarity: bestScore };
  }

  /**
   * Puts back a document whose story an earlier run decided: it joins story `story` with no
   * candidate search, and `refine()` never moves it. Restoring a corpus in its arrival order gives
   * every member the document frequencies, hence the norm, it had when it first arrived. New
   * stories are numbered after the highest restored one, so story numbers stay stable across runs.
   */
  async restore(
    doc: Pick<Doc, 'id' | 'externalId' | 'text' | 'meta' | 'layers'>,
    story: number,
    terms: StoryTerms = extractStoryTerms(doc, this.stopwords, this.weights),
  ): Promise<number> {
    if (!Number.isInteger(story) || story < 0) throw new RangeError(`story number ${story} is not a natural number`);
    await this.admit(doc, terms);
    const index = this.members.length - 1;
    for (; this.nextStory <= story; this.nextStory++) this.stories[this.nextStory] ??= emptyStory(this.nextStory);
    this.assignment.push(story);
    this.fixed.add(index);
    const into = await this.loadStory(await this.resolveLoading(story));
    if (into.centroidUnread) await this.readCentroid(into);
    this.attach(index, into);
    return index;
  }

  /** Counts a document's terms and appends it as a member, not yet in any story. */
  private async admit(
    doc: Pick<Doc, 'id' | 'externalId' | 'text' | 'meta' | 'layers'>,
    terms: StoryTerms,
  ): Promise<StoryMember> {
    if (this.kept) await this.readKeptFrequencies(terms.keys());
    for (const term of terms.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    const member: StoryMember = {
      name: docName(doc as Doc),
      terms,
      headline: doc.meta.headline,
      // Only a stated date gates a story: an estimate from the contents may be years off.
      date: doc.meta.published && !doc.meta.published.estimated ? doc.meta.published.value.slice(0, 10) : undefined,
      outlet: doc.meta.outlet,
      norm: 0,
    };
    member.norm = this.norm(terms);
    this.members.push(member);
    return member;
  }

  /**
   * Local repair after a batch of arrivals, over the members in scope (default: every member): each
   * leaves its story and joins the one whose mean similarity to it is highest, when that beats both
   * the threshold and its own story without it (a member is never split off alone); later passes
   * revisit only the members of stories that changed, so the cost follows what moved, not the
   * corpus. Restored members stay where they are (they still count in their stories' similarity).
   * Returns the number of moves. Merging whole stories whose average link passes the threshold was
   * tried too and dropped: it joined different statements of one group in the samples.
   */
  refine(scope?: Iterable<number>): Promise<number> {
    return this.moveMembers([...new Set(scope ?? this.members.keys())]);
  }

  private async moveMembers(scope: number[]): Promise<number> {
    let pending = scope.filter((index) => !this.fixed.has(index)).sort((a, b) => a - b);
    let moves = 0;
    for (let round = 0; round < this.refineRounds && pending.length > 0; round++) {
      const changed = new Set<number>();
      for (const index of pending) {
        const member = this.members[index] as StoryMember;
        const own = this.story(this.resolve(this.assignment[index] as number));
        if (own.centroidUnread) await this.readCentroid(own);
        this.detach(index, own);
        const weighted = this.weighted(member.terms);
        const day = dayNumber(member.date);
        let best = own;
        let bestScore =
          size(own) > 0 ? Math.max(this.threshold, this.meanSimilarity(member, own, weighted)) : this.threshold;
        if (this.kept) await this.readKeptCandidates(weighted);
        for (const story of this.candidates(weighted)) {
          if (story === own || size(story) === 0 || !this.datesFit(story, day, day)) continue;
          if (story.centroidUnread) await this.readCentroid(story);
          const score = this.meanSimilarity(member, story, weighted);
          if (score > bestScore) {
            best = story;
            bestScore = score;
          }
        }
        this.assignment[index] = best.id;
        this.attach(index, best);
        if (best !== own) {
          moves++;
          changed.add(own.id);
          changed.add(best.id);
        }
      }
      pending = [...changed]
        .flatMap((id) => this.story(id).members)
        .filter((index) => !this.fixed.has(index))
        .sort((a, b) => a - b);
    }
    return moves;
  }

  private attach(index: number, story: Story): void {
    const member = this.members[index] as StoryMember;
    assertCentroidRead(story);
    story.members.push(index);
    for (const [term, count] of member.terms) {
      if (!story.centroid.has(term) && term.startsWith('q:')) story.quoteTerms++;
      story.centroid.set(term, (story.centroid.get(term) ?? 0) + logTf(count) / member.norm);
      const set = this.postings.get(term);
      if (set) set.add(story.id);
      else this.postings.set(term, new Set([story.id]));
    }
    const day = dayNumber(member.date);
    if (!Number.isNaN(day)) {
      story.firstDay = Math.min(story.firstDay ?? day, day);
      story.lastDay = Math.max(story.lastDay ?? day, day);
    }
  }

  /** Takes a member out of its story. Postings keep the story id: a stale entry only costs one comparison. */
  private detach(index: number, story: Story): void {
    const member = this.members[index] as StoryMember;
    assertCentroidRead(story);
    story.members.splice(story.members.indexOf(index), 1);
    for (const [term, count] of member.terms) {
      const rest = (story.centroid.get(term) ?? 0) - logTf(count) / member.norm;
      // A term no remaining member has: drop it rather than keep rounding residue.
      if (rest > 1e-9) story.centroid.set(term, rest);
      else if (story.centroid.delete(term) && term.startsWith('q:')) story.quoteTerms--;
    }
    story.firstDay = undefined;
    story.lastDay = undefined;
    for (const day of story.keptDays) {
      story.firstDay = Math.min(story.firstDay ?? day, day);
      story.lastDay = Math.max(story.lastDay ?? day, day);
    }
    for (const other of story.members) {
      const day = dayNumber(this.members[other]?.date);
      if (Number.isNaN(day)) continue;
      story.firstDay = Math.min(story.firstDay ?? day, day);
      story.lastDay = Math.max(story.lastDay ?? day, day);
    }
  }

  /**
   * A new member can make its story close to another one the document was also near: merging them
   * then (mean cosine between their members at or above the threshold, one centroid dot product)
   * repairs an early split locally, the online counterpart of an average-link merge.
   */
  private mergeNeighbours(story: Story, candidates: Story[]): void {
    let target = story;
    for (;;) {
      let best: Story | undefined;
      let bestScore = this.threshold;
      for (const other of candidates) {
        if (other.mergedInto !== undefined || other.id === target.id) continue;
        if (!this.datesFit(other, target.firstDay ?? Number.NaN, target.lastDay ?? Number.NaN)) continue;
        const score = this.storySimilarity(target, other);
        if (score >= bestScore) {
          best = other;
          bestScore = score;
        }
      }
      if (!best) return;
      const into = this.join(target, best);
      target = into;
    }
  }

  /** Moves the smaller story's members into the larger; returns the larger. */
  private join(a: Story, b: Story): Story {
    const [into, from] = b.members.length > a.members.length ? [b, a] : [a, b];
    into.members.push(...from.members);
    into.quoteTerms += from.quoteTerms;
    for (const [term, sum] of from.centroid) {
      const had = into.centroid.get(term);
      if (had !== undefined && term.startsWith('q:')) into.quoteTerms--;
      into.centroid.set(term, (had ?? 0) + sum);
    }
    if (from.firstDay !== undefined) into.firstDay = Math.min(into.firstDay ?? from.firstDay, from.firstDay);
    if (from.lastDay !== undefined) into.lastDay = Math.max(into.lastDay ?? from.lastDay, from.lastDay);
    from.members = [];
    from.centroid = new Map();
    from.mergedInto = into.id;
    return into;
  }

  private storySimilarity(a: Story, b: Story): number {
    const [small, large] = a.centroid.size <= b.centroid.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [term, sum] of small.centroid) {
      const other = large.centroid.get(term);
      if (other !== undefined) dot += this.idf(term) ** 2 * sum * other;
    }
    return dot / (size(a) * size(b));
  }

  private resolve(id: number): number {
    let story = this.story(id);
    while (story.mergedInto !== undefined) story = this.story(story.mergedInto);
    return story.id;
  }

  /** A story by number, once held (added to, or read from the kept index by `loadStory`). */
  private story(id: number): Story {
    const held = this.stories[id];
    if (held) return held;
    throw new RangeError(`no story ${id}${this.kept && id < this.nextStory ? ' read yet' : ''}`);
  }

  /** The story a number names after merges, each story on the way read from the kept index if needed. */
  private async resolveLoading(id: number): Promise<number> {
    let story = await this.loadStory(id);
    while (story.mergedInto !== undefined) story = await this.loadStory(story.mergedInto);
    return story.id;
  }

  /** A story by number, read from the kept index the first time a kept story is asked for. */
  private async loadStory(id: number): Promise<Story> {
    const held = this.stories[id];
    if (held) return held;
    if (!this.kept || id >= this.nextStory) throw new RangeError(`no story ${id}`);
    const story = emptyStory(id);
    // Most candidates fall to their dates or size before any term is compared.
    story.centroidUnread = true;
    const members = await this.kept.kept.members(id, false);
    story.keptMembers = members.length;
    story.keptDays = members.flatMap((member) => {
      const day = dayNumber(member.date);
      return Number.isNaN(day) ? [] : [day];
    });
    for (const day of story.keptDays) {
      story.firstDay = Math.min(story.firstDay ?? day, day);
      story.lastDay = Math.max(story.lastDay ?? day, day);
    }
    this.stories[id] = story;
    return story;
  }

  /** Reads a kept story's centroid; callers check `centroidUnread` first, so held stories cost no await. */
  private async readCentroid(story: Story): Promise<void> {
    if (!story.centroidUnread || !this.kept) return;
    story.centroid = await this.kept.kept.centroid(story.id);
    for (const term of story.centroid.keys()) if (term.startsWith('q:')) story.quoteTerms++;
    story.centroidUnread = false;
  }

  /** Every member of a story, kept ones (read with their terms) first, as they arrived. */
  private async membersOf(story: Story): Promise<StoryMember[]> {
    const held = story.members.map((index) => this.members[index] as StoryMember);
    if (story.keptMembers === 0 || !this.kept) return held;
    return [...(await this.kept.members(story.id)), ...held];
  }

  /**
   * The members this index holds (restored and added; in a kept index, the new ones), in arrival
   * order, each with its story and what it adds to the story's centroid: what an index keeps.
   */
  heldMembers(): PlacedMember[] {
    return this.members.map((member, index) => {
      const story = this.resolve(this.assignment[index] as number);
      const shares = [...member.terms].map(([term, count]): [string, number] => [term, logTf(count) / member.norm]);
      return { story, norm: member.norm, shares };
    });
  }

  /** Story number of each document, in the order they were added. */
  assignments(): number[] {
    return this.assignment.map((id) => this.resolve(id));
  }

  /**
   * Stories with at least `minMembers` members, of which one at least is held by this index: in a
   * kept index, the stories new documents joined (the others are as an earlier run left them).
   */
  async summaries(minMembers = 1): Promise<StorySummary[]> {
    const summaries: StorySummary[] = [];
    for (const story of this.stories) {
      if (!story || story.mergedInto !== undefined || story.members.length === 0 || size(story) < minMembers) continue;
      const members = await this.membersOf(story);
      const dates = members.flatMap((member) => (member.date ? [member.date] : [])).sort();
      const summary: StorySummary = {
        id: `story-${story.id}`,
        label: await this.centralHeadline(story, members),
        members: members.map((member) => member.name),
        outlets: [...new Set(members.flatMap((member) => (member.outlet ? [member.outlet] : [])))].sort(),
      };
      if (dates.length > 0) summary.dates = { first: dates[0] as string, last: dates[dates.length - 1] as string };
      summaries.push(summary);
    }
    return summaries;
  }

  /** Cosine of two added documents under the current document frequencies. */
  similarity(a: number, b: number): number {
    const first = this.members[a] as StoryMember;
    const second = this.members[b] as StoryMember;
    const weighted = this.weighted(first.terms);
    let dot = 0;
    for (let i = 0; i < weighted.terms.length; i++) {
      const count = second.terms.get(weighted.terms[i] as string);
      if (count !== undefined) dot += (weighted.weights[i] as number) * logTf(count);
    }
    return dot / (this.norm(first.terms) * this.norm(second.terms));
  }

  private async centralHeadline(story: Story, members: StoryMember[]): Promise<string> {
    let best = members[0] as StoryMember;
    // A story of one article (most stories of a corpus) is labelled by it: no similarity to compute.
    if (members.length === 1) return best.headline ?? best.name;
    let bestScore = -Infinity;
    for (const member of members) {
      // A kept member's terms may be ones no document of this run had: their kept frequencies first.
      await this.readKeptFrequencies(member.terms.keys());
      const score = this.meanSimilarity(member, story);
      if (score > bestScore && member.headline) {
        best = member;
        bestScore = score;
      }
    }
    return best.headline ?? best.name;
  }

  /**
   * Live stories that hold one of the document's most weighty terms. Its rarest, most repeated terms
   * are what a story about the same event shares; a story that shares only common words scores
   * under the threshold anyway, and comparing every story that shares any word made linking
   * quadratic (74 s for 2,200 BBC articles, 93% of it in similarity sums).
   */
  private candidates(weighted: { terms: string[]; weights: Float64Array }): Story[] {
    const ids = new Set<number>();
    for (const term of candidateTerms(weighted)) for (const id of this.postingsOf(term)) ids.add(id);
    const live = new Set<number>();
    for (const id of ids) live.add(this.resolve(id));
    return [...live].map((id) => this.story(id));
  }

  /** Reads from the kept index the postings and stories `candidates` will look at. */
  private async readKeptCandidates(weighted: { terms: string[]; weights: Float64Array }): Promise<void> {
    if (!this.kept) return;
    const ids = new Set<number>();
    for (const term of candidateTerms(weighted)) {
      if (!this.kept.storiesWithTerm(term)) await this.kept.readStoriesWithTerm(term);
      for (const id of this.postingsOf(term)) ids.add(id);
    }
    for (const id of ids) if (!this.stories[id]) await this.resolveLoading(id);
  }

  /**
   * Stories that hold (or held during this run) a term, in the order they first did: in a kept
   * index, the kept stories first, as restoring every earlier document would have listed them.
   */
  private postingsOf(term: string): Iterable<number> {
    const added = this.postings.get(term);
    if (!this.kept) return added ?? [];
    const kept = this.kept.storiesWithTerm(term);
    if (!kept) throw new RangeError(`the kept stories with ${term} are not read yet`);
    return added ? new Set([...kept, ...added]) : kept;
  }

  /** Adds the kept document frequencies of terms not yet read to `df`. */
  private async readKeptFrequencies(terms: Iterable<string>): Promise<void> {
    if (!this.kept) return;
    for (const [term, count] of await this.kept.readFrequencies(terms))
      this.df.set(term, (this.df.get(term) ?? 0) + count);
  }

  private assertFrequenciesRead(terms: Iterable<string>): void {
    const unread = this.kept?.unreadTerms(terms) ?? [];
    if (unread.length > 0) throw new RangeError(`the kept frequencies of ${unread[0]} are not read yet`);
  }

  /** Whether a span of days lies within `maxDayGap` of a story's dates (undated sides always fit). */
  private datesFit(story: Story, first: number, last: number): boolean {
    if (Number.isNaN(first) || story.firstDay === undefined || story.lastDay === undefined) return true;
    return first <= story.lastDay + this.maxDayGap && last >= story.firstDay - this.maxDayGap;
  }

  /**
   * Mean cosine of a document to a story's members under the current document frequencies; each
   * member's norm is the one it had on arrival, the approximation that keeps this one dot product.
   */
  private meanSimilarity(member: StoryMember, story: Story, weighted = this.weighted(member.terms)): number {
    assertCentroidRead(story);
    let dot = 0;
    let quotes = 0;
    let sharedQuotes = 0;
    for (let i = 0; i < weighted.terms.length; i++) {
      const term = weighted.terms[i] as string;
      const isQuote = term.startsWith('q:');
      if (isQuote) quotes++;
      const sum = story.centroid.get(term);
      if (sum === undefined) continue;
      dot += (weighted.weights[i] as number) * sum;
      if (isQuote) sharedQuotes++;
    }
    const score = member.norm === 0 ? 0 : dot / (member.norm * size(story));
    // Both sides quote someone at length and share almost none of it: two different statements.
    const differentStatements =
      quotes >= MIN_QUOTE_TERMS && story.quoteTerms >= MIN_QUOTE_TERMS && sharedQuotes < quotes * 0.1;
    return differentStatements ? score * this.quotePenalty : score;
  }

  /** log-tf · idf² per term, computed once per document rather than once per story compared. */
  private weighted(terms: StoryTerms): { terms: string[]; weights: Float64Array } {
    this.assertFrequenciesRead(terms.keys());
    const list = [...terms.keys()];
    const weights = new Float64Array(list.length);
    list.forEach((term, i) => {
      weights[i] = logTf(terms.get(term) as number) * this.idf(term) ** 2;
    });
    return { terms: list, weights };
  }

  private idf(term: string): number {
    return Math.log((this.members.length + this.background + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private norm(terms: StoryTerms): number {
    this.assertFrequenciesRead(terms.keys());
    let sum = 0;
    for (const [term, count] of terms) sum += (logTf(count) * this.idf(term)) ** 2;
    return Math.sqrt(sum);
  }
}
