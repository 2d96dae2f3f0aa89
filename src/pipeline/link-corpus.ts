import {
  DEFAULT_LSH,
  DEFAULT_STORY_THRESHOLD,
  DEFAULT_TERM_WEIGHTS,
  DUPLICATES_STATE,
  decodeLinkFeatures,
  encodeLinkFeatures,
  LINK_FEATURES,
  type LshParams,
  NearDuplicateIndex,
  STORIES_STATE,
  type StoredDuplicateGroup,
  type StoredLinkFeatures,
  type StoredStory,
  StoryIndex,
  storyPriorSignature,
  type TextFeatures,
  VERSION_THRESHOLD,
} from '../link/index.js';
import { type DatedValue, type Doc, defineCorpusState } from '../model/index.js';
import { inheritPublished } from '../nlp/events/index.js';
import { type DocHead, type DocLink, fromAsync, type KeptVersionKeys, type Store } from '../store/index.js';
import { keptStories, keptVersions } from './kept-link-indexes.js';
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

/**
 * What the kept indexes were made from and hold: they serve a run only when their features, LSH
 * parameters and story prior are this version's and they hold every document whose links were stored.
 */
interface KeptIndexes {
  features: number;
  lsh: LshParams;
  /** The story prior the kept norms were computed under (`storyPriorSignature`). */
  prior: string;
  documents: number;
  /** The versions of the stored stories and groups they agree with: a change by any other writer voids them. */
  links: string;
}

export const KEPT_INDEXES_STATE = defineCorpusState<KeptIndexes>('kept-indexes');

async function linksVersion(store: Store): Promise<string> {
  return `${await store.corpusStateVersion(STORIES_STATE)}/${await store.corpusStateVersion(DUPLICATES_STATE)}`;
}

async function keptIndexesServe(store: Store, earlier: EarlierLinks): Promise<boolean> {
  const kept = await store.getCorpusState(KEPT_INDEXES_STATE);
  return (
    kept !== undefined &&
    kept.features === LINK_FEATURES.version &&
    JSON.stringify(kept.lsh) === JSON.stringify(DEFAULT_LSH) &&
    kept.prior === storyPriorSignature() &&
    kept.documents === earlier.storyOf.size &&
    kept.links === (await linksVersion(store)) &&
    kept.documents > 0 &&
    (await store.keptIndexes.storyDocuments()) === kept.documents &&
    (await store.keptIndexes.versionDocuments()) === kept.documents
  );
}

/** Decisions of earlier runs, by document id: the story number and the verified version pairs. */
interface EarlierLinks {
  storyOf: Map<string, number>;
  stories: StoredStory[];
  groups: StoredDuplicateGroup[];
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
    const rebuild = options.rebuild === true || (await store.pendingLink())?.rebuild === true;
    const summary = await linkUnderLock(store, steps, { ...options, rebuild });
    await store.clearPendingLink();
    return summary;
  });
}

/**
 * Links the corpus incrementally: documents linked by an earlier run keep their story and version
 * group (found again through the kept indexes, or put back from their features in arrival order
 * with no candidate search when there are none); each new one goes through the near-duplicate index (versions of one article) and the online
 * story index (it joins the closest story or starts one), and at the end the new members move to
 * the story now closest. Undated versions inherit the date of a dated twin. Results land in the
 * store: each document's group and story, and the groups and stories themselves.
 */
async function linkUnderLock(store: Store, steps: readonly CorpusStep[], options: LinkOptions): Promise<LinkSummary> {
  const started = Date.now();
  // A rebuild reads every document afresh, for the corpus steps' facts as for the links.
  if (options.rebuild) await store.clearDocFacts();
  const earlier = options.rebuild ? undefined : await readEarlierLinks(store);
  // The indexes an earlier run kept serve when they hold exactly the documents whose links were
  // stored, made from features of this version; otherwise (a store from before them, a rebuild)
  // every earlier document goes back from its kept features once and the indexes are written afresh.
  const keptHere = earlier !== undefined && (await keptIndexesServe(store, earlier));
  const ids: string[] = [];
  const position = new Map<string, number>();
  const keptVersionIndex = keptHere
    ? keptVersions(store, ids, position, (text) => duplicates.featuresOf(text))
    : undefined;
  const duplicates: NearDuplicateIndex = new NearDuplicateIndex(
    { threshold: VERSION_THRESHOLD, ...(keptVersionIndex ? { kept: keptVersionIndex } : {}) },
    await store.countDocuments(),
  );
  const stories: StoryIndex = new StoryIndex(
    keptHere ? { kept: keptStories(store, earlier.storyOf, (doc) => stories.termsOf(doc)) } : {},
  );
  /** Documents the version index holds by number alone (kept), whose exact keys the store holds. */
  const keptDocs = new Set<number>();
  /** Documents the story index holds, by member number: every one, or with kept indexes the new ones. */
  const held: string[] = [];
  const versionKeys: KeptVersionKeys[] = [];
  const names: string[] = [];
  const dates: (DatedValue | undefined)[] = [];
  const arrivals: number[] = [];
  const total = await store.countDocuments();
  const report = options.onProgress ?? (() => {});
  report({ step: PLACING_STEP, done: 0, total });
  // With kept indexes an earlier document is a number in the version index and nothing in the story
  // index: both read the store for what new documents touch. Otherwise earlier documents go back into
  // the indexes from the features kept when they were first placed, without reading their text. Only
  // new (or rewritten) documents are read. Features are read a page at a time: the indexes hold what
  // they need of them, and nothing holds them all twice.
  const heads = await fromAsync(store.iterateDocHeads());
  for (let from = 0; from < heads.length; from += FEATURE_PAGE) {
    const features: { id: string; facts: StoredLinkFeatures }[] = [];
    const page = heads.slice(from, from + FEATURE_PAGE);
    const keptFeatures = keptHere
      ? new Map<string, StoredLinkFeatures>()
      : await store.readDocFacts(
          LINK_FEATURES,
          page.filter((head) => earlier?.storyOf.has(head.id)).map((head) => head.id),
        );
    for (const head of page) {
      const story = earlier?.storyOf.get(head.id);
      const stored = story === undefined ? undefined : keptFeatures.get(head.id);
      const decoded = stored && decodeLinkFeatures(stored);
      if (keptHere && story !== undefined) {
        keptDocs.add(duplicates.insertKept());
      } else if (
        story !== undefined &&
        decoded &&
        // Features banded under other LSH parameters are read again from the text.
        (decoded.text.bands?.length ?? duplicates.params.bands) === duplicates.params.bands
      ) {
        duplicates.insertFeatures(decoded.text);
        await stories.restore(headAsDoc(head), story, decoded.terms);
        held.push(head.id);
        versionKeys.push(versionKeysOf(head.id, decoded.text));
      } else {
        const doc = await store.getDocument(head.id);
        if (!doc) continue;
        const text = duplicates.featuresOf(doc.text);
        const terms = stories.termsOf(doc);
        if (story === undefined) {
          if (keptVersionIndex) await keptVersionIndex.prepare(text);
          duplicates.addFeatures(text);
          arrivals.push((await stories.add(doc, terms)).doc);
        } else {
          duplicates.insertFeatures(text);
          await stories.restore(doc, story, terms);
        }
        held.push(head.id);
        versionKeys.push(versionKeysOf(head.id, text));
        features.push({ id: head.id, facts: encodeLinkFeatures(text, terms) });
      }
      position.set(head.id, ids.length);
      ids.push(head.id);
      names.push(head.externalId ?? head.id);
      dates.push(head.published);
      if (ids.length % 250 === 0) report({ step: PLACING_STEP, done: ids.length, total });
    }
    await store.putDocFacts(LINK_FEATURES, features);
  }

  for (const pair of earlier?.pairs ?? []) {
    const a = position.get(pair.a);
    const b = position.get(pair.b);
    if (a !== undefined && b !== undefined) duplicates.link(a, b, pair.jaccard);
  }
  await stories.refine(arrivals);

  const links = new Map<string, DocLink>(ids.map((id) => [id, { id }]));
  const groups = await versionGroups(duplicates, { ids, names, links }, earlier?.groups ?? [], (members) =>
    keptVersionIndex ? keptVersionIndex.readExactKeys(members.filter((member) => keptDocs.has(member))) : undefined,
  );

  const assignment = stories.assignments();
  const byName = new Map(names.map((name, index) => [name, ids[index] as string]));
  const placed: StoredStory[] = (await stories.summaries()).map((story) => ({
    ...story,
    memberIds: story.members.map((name) => byName.get(name) ?? name),
  }));
  // A kept index summarises the stories new documents joined; the others stay as stored.
  const storyList = keptHere ? withChangedStories(earlier.stories, placed) : placed;
  for (const id of ids) {
    const story = earlier?.storyOf.get(id);
    if (story !== undefined) (links.get(id) as DocLink).story = `story-${story}`;
  }
  assignment.forEach((story, index) => {
    (links.get(held[index] as string) as DocLink).story = `story-${story}`;
  });
  // Kept indexes take the new documents; otherwise they are written afresh with every document.
  if (!keptHere) await store.keptIndexes.clear();
  await store.keptIndexes.addStoryMembers(
    stories.heldMembers().map((member, index) => ({ ...member, id: held[index] as string, terms: member.shares })),
  );
  await store.keptIndexes.addVersionKeys(versionKeys);

  const datesInherited = await inheritDates(store, groups, storyList, { ids, names, dates, position });

  await store.putDocLinks([...links.values()], { recountAll: earlier === undefined });
  await store.putCorpusState(DUPLICATES_STATE, groups);
  await store.putCorpusState(STORIES_STATE, storyList);
  await store.putCorpusState(LINKING_STATE, LINKING_PARAMETERS);
  await store.putCorpusState(KEPT_INDEXES_STATE, {
    features: LINK_FEATURES.version,
    lsh: DEFAULT_LSH,
    prior: storyPriorSignature(),
    documents: ids.length,
    links: await linksVersion(store),
  });
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
 * Dates passed on by links: an undated version takes its dated twin's, an undated story member the
 * span of its story's dated members, and a date taken from a story that no longer gives it goes.
 * `placed.dates` follows what is written. Returns how many documents took a date.
 */
async function inheritDates(
  store: Store,
  groups: readonly StoredDuplicateGroup[],
  storyList: readonly StoredStory[],
  placed: {
    ids: readonly string[];
    names: readonly string[];
    dates: (DatedValue | undefined)[];
    position: ReadonlyMap<string, number>;
  },
): Promise<number> {
  const { ids, names, dates, position } = placed;
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
      await store.setPublished(id, inherited);
      dates[position.get(id) as number] = inherited;
      datesInherited++;
    }
  }

  // An undated member of a story takes the span of its dated members' dates, marked as estimated.
  const fromStories = storyDates(storyList, dateOf, (id) => names[position.get(id) as number] ?? id);
  for (const [id, date] of fromStories) {
    const own = dateOf(id);
    if (own?.value === date.value && own.from === date.from) continue;
    await store.setPublished(id, date);
    datesInherited++;
  }
  // A date an earlier run took from a story the story no longer gives (its dated members changed, or
  // what may be passed on did) is withdrawn: the document is undated again, as its own text left it.
  for (const [index, id] of ids.entries()) {
    if (dates[index]?.from?.startsWith(STORY_DATE_PREFIX) && !fromStories.has(id))
      await store.setPublished(id, undefined);
  }
  return datesInherited;
}

/**
 * The groups of versions with their pairs, each member's link marked with its group. A group whose
 * members are those stored keeps its kind (no member's text changed), so kept members' keys are
 * read only for groups a new document joined.
 */
async function versionGroups(
  duplicates: NearDuplicateIndex,
  placed: { ids: readonly string[]; names: readonly string[]; links: Map<string, DocLink> },
  stored: readonly StoredDuplicateGroup[],
  readExactKeys: (members: readonly number[]) => Promise<void> | undefined,
): Promise<StoredDuplicateGroup[]> {
  const { ids, names, links } = placed;
  // Each group's pairs, in the order they were found: one pass over the pairs, not one per group.
  const pairsByRoot = new Map<number, [number, number, number][]>();
  for (const edge of duplicates.edges()) {
    const root = duplicates.find(edge[0]);
    const list = pairsByRoot.get(root);
    if (list) list.push(edge);
    else pairsByRoot.set(root, [edge]);
  }
  const storedGroups = new Map(stored.map((group) => [group.id, group]));
  const groups: StoredDuplicateGroup[] = [];
  for (const members of duplicates.groups()) {
    const id = `dup-${(ids[members[0] as number] as string).slice(0, 12)}`;
    const memberIds = members.map((member) => ids[member] as string);
    const before = storedGroups.get(id);
    const unchanged =
      before !== undefined &&
      before.memberIds.length === memberIds.length &&
      before.memberIds.every((member, index) => member === memberIds[index]);
    if (!unchanged) await readExactKeys(members);
    const kind = unchanged ? before.kind : duplicates.isExactGroup(members) ? 'exact' : 'near';
    for (const member of memberIds)
      Object.assign(links.get(member) as DocLink, { duplicateGroup: id, duplicateKind: kind });
    groups.push({
      id,
      kind,
      memberIds,
      members: members.map((member) => names[member] as string),
      pairs: (pairsByRoot.get(duplicates.find(members[0] as number)) ?? []).map(([a, b, jaccard]) => ({
        a: names[a] as string,
        b: names[b] as string,
        jaccard: Math.round(jaccard * 1e4) / 1e4,
      })),
    });
  }
  return groups;
}

/**
 * The stories and version pairs the last run stored, or undefined when there are none or they were
 * decided under other linking parameters. Pairs are stored by name (external id or document id,
 * unique in a store); within a group names and ids are parallel lists, which turns them back into ids.
 */
async function readEarlierLinks(store: Store): Promise<EarlierLinks | undefined> {
  const parameters = await store.getCorpusState(LINKING_STATE);
  if (JSON.stringify(parameters) !== JSON.stringify(LINKING_PARAMETERS)) return undefined;
  const storyList = await store.getCorpusState(STORIES_STATE);
  const groups = await store.getCorpusState(DUPLICATES_STATE);
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
  return { storyOf, stories: storyList, groups, pairs };
}

function versionKeysOf(id: string, text: TextFeatures): KeptVersionKeys {
  return { id, exact: text.exact, bands: text.bands ? [...text.bands] : null };
}

/** The stored stories with the changed ones in their place and the new ones after them, by number. */
function withChangedStories(stored: readonly StoredStory[], changed: readonly StoredStory[]): StoredStory[] {
  const byId = new Map(changed.map((story) => [story.id, story]));
  const list = stored.map((story) => {
    const now = byId.get(story.id);
    byId.delete(story.id);
    return now ?? story;
  });
  return [...list, ...byId.values()];
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
