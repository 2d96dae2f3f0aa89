import {
  DEFAULT_STORY_THRESHOLD,
  DEFAULT_TERM_WEIGHTS,
  DUPLICATES_STATE,
  decodeLinkFeatures,
  encodeLinkFeatures,
  LINK_FEATURES,
  NearDuplicateIndex,
  STORIES_STATE,
  type StoredDuplicateGroup,
  type StoredLinkFeatures,
  type StoredStory,
  StoryIndex,
  VERSION_THRESHOLD,
} from '../link/index.js';
import { type DatedValue, type Doc, defineCorpusState } from '../model/index.js';
import { inheritPublished } from '../nlp/events/index.js';
import type { DocHead, DocLink, Store } from '../store/index.js';
import { STORY_DATE_PREFIX, storyDates } from './story-dates.js';

export interface LinkSummary {
  documents: number;
  /** Documents linked on this run; the others kept the version group and story an earlier run gave them. */
  linked: number;
  /** Whether every document was linked afresh (asked for, first run, or the linking parameters changed). */
  rebuilt: boolean;
  duplicateGroups: number;
  stories: number;
  datesInherited: number;
  seconds: number;
  /** Each step's time in seconds, placing first: where linking spends it. */
  steps: { name: string; seconds: number }[];
}

/** A corpus-level step that other parts of lede add (identities, statements, claims), run after stories. */
export interface CorpusStep {
  /** What a user reads while it runs (`identities`, `claims`). */
  name: string;
  run(store: Store): Promise<void> | void;
}

/**
 * Where linking is: the documents placed so far out of all of them (step `versions and stories`),
 * or a corpus step starting, then finished with its time.
 */
export interface LinkProgress {
  step: string;
  done?: number;
  total?: number;
  /** Set once the step has finished. */
  seconds?: number;
}

export interface LinkOptions {
  /** Forget earlier decisions and link every document afresh (after a reprocess, or to re-decide early arrivals). */
  rebuild?: boolean;
  onProgress?: (progress: LinkProgress) => void;
}

export const PLACING_STEP = 'versions and stories';

/** Documents whose kept placing features are read at once. */
const FEATURE_PAGE = 500;

/**
 * What decided the stored links. Stored decisions made under other parameters are stale, so a
 * change here (a new term weight, another threshold) makes the next run a full rebuild.
 */
const LINKING_PARAMETERS = {
  // 2: stories compared only when they hold one of a document's most weighty terms.
  version: 2,
  storyThreshold: DEFAULT_STORY_THRESHOLD,
  termWeights: DEFAULT_TERM_WEIGHTS,
  versionThreshold: VERSION_THRESHOLD,
};

/** Read back only to compare with LINKING_PARAMETERS, whose shape may change between versions. */
export const LINKING_STATE = defineCorpusState<unknown>('linking');

/** Decisions of earlier runs, by document id: the story number and the verified version pairs. */
interface EarlierLinks {
  storyOf: Map<string, number>;
  pairs: { a: string; b: string; jaccard: number }[];
}

/**
 * Links the corpus as one transaction holding the store's write lock: no other process stores a
 * batch between what linking reads and what it writes, and a crash (kill -9 included) keeps none
 * of it, so the "link needed" mark that ingest left stays set until linking commits and the next
 * writer finishes the job. A pending rebuild (documents rewritten by reprocessing) links afresh.
 */
export async function linkCorpus(
  store: Store,
  steps: readonly CorpusStep[] = [],
  options: LinkOptions = {},
): Promise<LinkSummary> {
  return store.writeExclusively(async () => {
    const rebuild = options.rebuild === true || store.pendingLink()?.rebuild === true;
    const summary = await linkUnderLock(store, steps, { ...options, rebuild });
    store.clearPendingLink();
    return summary;
  });
}

/**
 * Links the corpus incrementally: documents linked by an earlier run keep their story and version
 * group (their terms and shingles are indexed again, in arrival order, with no candidate search);
 * each new one goes through the near-duplicate index (versions of one article) and the online
 * story index (it joins the closest story or starts one), and at the end the new members move to
 * the story now closest. Undated versions inherit the date of a dated twin. Results land in the
 * store: each document's group and story, and the groups and stories themselves.
 */
async function linkUnderLock(store: Store, steps: readonly CorpusStep[], options: LinkOptions): Promise<LinkSummary> {
  const started = Date.now();
  // A rebuild reads every document afresh, for the corpus steps' facts as for the links.
  if (options.rebuild) store.clearDocFacts();
  const earlier = options.rebuild ? undefined : readEarlierLinks(store);
  const duplicates = new NearDuplicateIndex({ threshold: VERSION_THRESHOLD }, store.countDocuments());
  const stories = new StoryIndex();
  const ids: string[] = [];
  const names: string[] = [];
  const dates: (DatedValue | undefined)[] = [];
  const arrivals: number[] = [];
  const total = store.countDocuments();
  const report = options.onProgress ?? (() => {});
  report({ step: PLACING_STEP, done: 0, total });
  // Earlier documents go back into the indexes from the features kept when they were first placed,
  // without reading their text; only new (or rewritten) documents are read. Features are read a
  // page at a time: the indexes hold what they need of them, and nothing holds them all twice.
  const heads = [...store.iterateDocHeads()];
  for (let from = 0; from < heads.length; from += FEATURE_PAGE) {
    const features: { id: string; facts: StoredLinkFeatures }[] = [];
    const page = heads.slice(from, from + FEATURE_PAGE);
    const kept = store.readDocFacts(
      LINK_FEATURES,
      page.filter((head) => earlier?.storyOf.has(head.id)).map((head) => head.id),
    );
    for (const head of page) {
      const story = earlier?.storyOf.get(head.id);
      const stored = story === undefined ? undefined : kept.get(head.id);
      const decoded = stored && decodeLinkFeatures(stored);
      // Features banded under other LSH parameters are read again from the text.
      if (
        story !== undefined &&
        decoded &&
        (decoded.text.bands?.length ?? duplicates.params.bands) === duplicates.params.bands
      ) {
        duplicates.insertFeatures(decoded.text);
        stories.restore(headAsDoc(head), story, decoded.terms);
      } else {
        const doc = store.getDocument(head.id);
        if (!doc) continue;
        const text = duplicates.featuresOf(doc.text);
        const terms = stories.termsOf(doc);
        if (story === undefined) {
          duplicates.addFeatures(text);
          arrivals.push(stories.add(doc, terms).doc);
        } else {
          duplicates.insertFeatures(text);
          stories.restore(doc, story, terms);
        }
        features.push({ id: head.id, facts: encodeLinkFeatures(text, terms) });
      }
      ids.push(head.id);
      names.push(head.externalId ?? head.id);
      dates.push(head.published);
      if (ids.length % 250 === 0) report({ step: PLACING_STEP, done: ids.length, total });
    }
    store.putDocFacts(LINK_FEATURES, features);
  }

  const position = new Map(ids.map((id, index) => [id, index]));
  for (const pair of earlier?.pairs ?? []) {
    const a = position.get(pair.a);
    const b = position.get(pair.b);
    if (a !== undefined && b !== undefined) duplicates.link(a, b, pair.jaccard);
  }
  stories.refine(arrivals);

  const links = new Map<string, DocLink>(ids.map((id) => [id, { id }]));
  const edges = duplicates.edges();
  const groups: StoredDuplicateGroup[] = duplicates.groups().map((members) => {
    const inGroup = new Set(members);
    const id = `dup-${(ids[members[0] as number] as string).slice(0, 12)}`;
    const kind = duplicates.isExactGroup(members) ? 'exact' : 'near';
    for (const member of members)
      Object.assign(links.get(ids[member] as string) as DocLink, { duplicateGroup: id, duplicateKind: kind });
    return {
      id,
      kind,
      memberIds: members.map((member) => ids[member] as string),
      members: members.map((member) => names[member] as string),
      pairs: edges
        .filter(([a]) => inGroup.has(a))
        .map(([a, b, jaccard]) => ({
          a: names[a] as string,
          b: names[b] as string,
          jaccard: Math.round(jaccard * 1e4) / 1e4,
        })),
    };
  });

  const assignment = stories.assignments();
  const byName = new Map(names.map((name, index) => [name, ids[index] as string]));
  const storyList: StoredStory[] = stories.summaries().map((story) => ({
    ...story,
    memberIds: story.members.map((name) => byName.get(name) ?? name),
  }));
  assignment.forEach((story, index) => {
    (links.get(ids[index] as string) as DocLink).story = `story-${story}`;
  });

  // An undated version of an article takes the date of a dated twin, marked as inherited.
  const dateOf = (id: string) => dates[position.get(id) as number];
  let datesInherited = 0;
  for (const group of groups) {
    const datedId = group.memberIds.find((id) => {
      const date = dateOf(id);
      return date !== undefined && !date.estimated;
    });
    if (!datedId) continue;
    const dated = dateOf(datedId) as DatedValue;
    for (const id of group.memberIds) {
      const own = dateOf(id);
      if (own && (!own.estimated || own.from === `near-duplicate:${datedId}`)) continue;
      const inherited = inheritPublished({ id: datedId, published: dated });
      store.setPublished(id, inherited);
      dates[position.get(id) as number] = inherited;
      datesInherited++;
    }
  }

  // An undated member of a story takes the span of its dated members' dates, marked as estimated.
  const fromStories = storyDates(storyList, dateOf, (id) => names[position.get(id) as number] ?? id);
  for (const [id, date] of fromStories) {
    const own = dateOf(id);
    if (own?.value === date.value && own.from === date.from) continue;
    store.setPublished(id, date);
    datesInherited++;
  }
  // A date an earlier run took from a story the story no longer gives (its dated members changed, or
  // what may be passed on did) is withdrawn: the document is undated again, as its own text left it.
  for (const [index, id] of ids.entries()) {
    if (dates[index]?.from?.startsWith(STORY_DATE_PREFIX) && !fromStories.has(id)) store.setPublished(id, undefined);
  }

  store.putDocLinks([...links.values()], { recountAll: earlier === undefined });
  store.putCorpusState(DUPLICATES_STATE, groups);
  store.putCorpusState(STORIES_STATE, storyList);
  store.putCorpusState(LINKING_STATE, LINKING_PARAMETERS);
  const placingSeconds = (Date.now() - started) / 1000;
  const timed = [{ name: PLACING_STEP, seconds: placingSeconds }];
  report({ step: PLACING_STEP, done: ids.length, total, seconds: placingSeconds });
  for (const step of steps) {
    const stepStarted = Date.now();
    report({ step: step.name });
    await step.run(store);
    const seconds = (Date.now() - stepStarted) / 1000;
    timed.push({ name: step.name, seconds });
    report({ step: step.name, seconds });
  }
  return {
    documents: ids.length,
    linked: arrivals.length,
    rebuilt: earlier === undefined,
    duplicateGroups: groups.length,
    stories: storyList.length,
    datesInherited,
    seconds: (Date.now() - started) / 1000,
    steps: timed,
  };
}

/**
 * The stories and version pairs the last run stored, or undefined when there are none or they were
 * decided under other linking parameters. Pairs are stored by name (external id or document id,
 * unique in a store); within a group names and ids are parallel lists, which turns them back into ids.
 */
function readEarlierLinks(store: Store): EarlierLinks | undefined {
  const parameters = store.getCorpusState(LINKING_STATE);
  if (JSON.stringify(parameters) !== JSON.stringify(LINKING_PARAMETERS)) return undefined;
  const storyList = store.getCorpusState(STORIES_STATE);
  const groups = store.getCorpusState(DUPLICATES_STATE);
  if (!storyList || !groups) return undefined;
  const storyOf = new Map<string, number>();
  for (const story of storyList) {
    const number = Number(story.id.replace(/^story-/, ''));
    for (const id of story.memberIds) storyOf.set(id, number);
  }
  const pairs = groups.flatMap((group) => {
    const idOf = new Map(group.members.map((name, index) => [name, group.memberIds[index] as string]));
    return group.pairs.map(({ a, b, jaccard }) => ({ a: idOf.get(a) ?? a, b: idOf.get(b) ?? b, jaccard }));
  });
  return { storyOf, pairs };
}

/** A document as the story index needs it when its terms are known: its name, headline, date and outlet. */
function headAsDoc(head: DocHead): Pick<Doc, 'id' | 'externalId' | 'text' | 'meta' | 'layers'> {
  return {
    id: head.id,
    ...(head.externalId !== undefined ? { externalId: head.externalId } : {}),
    text: '',
    meta: {
      headline: head.headline,
      published: head.published,
      outlet: head.outlet,
      sections: [],
      captions: [],
      subheads: [],
      boilerplate: [],
    },
    layers: {},
  };
}
