import { existsSync, readFileSync } from 'node:fs';
import { modelPath } from '../../resources/index.js';
import type { EventSignature } from './event-signature.js';

/**
 * Features of a document and a story, each in [0, 1]: how alike their words are, and how far their
 * event signatures agree or clearly disagree. A logistic model over them (`lede train stories`)
 * gives the probability that the document reports the story's event.
 */
export const LINK_FEATURES = [
  /** Mean TF-IDF cosine to the members (the word evidence alone). */
  'words',
  /** Mean share of the document's lead words found in a member's lead. */
  'lead',
  /**
   * Share of members stating years in their leads, none of them the document's. Stated days are
   * left out: in ECB+ only the newer event of a topic states them (its older reports came without
   * dates), so the weights learnt for them ("both dated: same event", even weeks apart) said
   * which half of the corpus a report came from, not whether two reports agree.
   */
  'yearsDisjoint',
  /** Share of members naming a place of the document. */
  'placesShared',
  /** Both name places, and none in common. */
  'placesDisjoint',
  'participantsShared',
  'participantsDisjoint',
  /** The same for the people of the headline and first sentence. */
  'protagonistsShared',
  'protagonistsDisjoint',
  /** Share of members whose lead gives a figure the document's lead gives. */
  'figuresShared',
  /** The leads count the same thing with different numbers (23 pirates, 26 pirates) and never the same. */
  'figuresConflict',
] as const;

export type LinkFeature = (typeof LINK_FEATURES)[number];

export interface LinkModel {
  features: LinkFeature[];
  weights: number[];
  bias: number;
  /** Probability at or above which a document joins its most probable story. */
  cutoff: number;
  /** How the model was made, for the record. */
  trainedOn?: string;
}

export const LINK_MODEL_FILE = modelPath('story-links.json');

type SetKind = 'places' | 'participants' | 'protagonists' | 'figures' | 'lead' | 'years';
const SET_KINDS: readonly SetKind[] = ['places', 'participants', 'protagonists', 'figures', 'lead', 'years'];

/** A signature with its parts as sets, made once per signature. */
interface PreparedSignature {
  days: readonly number[];
  sets: Record<SetKind | 'units', Set<string | number>>;
}

const prepared = new WeakMap<EventSignature, PreparedSignature>();

function prepare(signature: EventSignature): PreparedSignature {
  let out = prepared.get(signature);
  if (!out) {
    const sets = {} as PreparedSignature['sets'];
    for (const kind of SET_KINDS) sets[kind] = new Set<string | number>(signature[kind]);
    sets.units = new Set(unitsOf(signature.figures));
    out = { days: signature.days, sets };
    prepared.set(signature, out);
  }
  return out;
}

/**
 * The signatures of a story's members. A document is compared with each member and the agreements
 * averaged, as its words are: a story that already mixes two events then still disagrees with a
 * document through half its members, where pooled names would agree with anything.
 */
export class StorySignature {
  private readonly members = new Set<EventSignature>();
  /** Members whose lead holds each word, and members with a lead: the lead feature needs no pass over members. */
  private readonly leadCounts = new Map<string, number>();
  private leadHaving = 0;

  get size(): number {
    return this.members.size;
  }

  add(signature: EventSignature): void {
    if (this.members.has(signature)) return;
    this.members.add(signature);
    this.countLead(signature, 1);
  }

  remove(signature: EventSignature): void {
    if (this.members.delete(signature)) this.countLead(signature, -1);
  }

  absorb(other: StorySignature): void {
    for (const signature of other.members) this.add(signature);
  }

  private countLead(signature: EventSignature, by: 1 | -1): void {
    if (signature.lead.length > 0) this.leadHaving += by;
    for (const word of signature.lead) {
      const count = (this.leadCounts.get(word) ?? 0) + by;
      if (count > 0) this.leadCounts.set(word, count);
      else this.leadCounts.delete(word);
    }
  }

  /** The features of a document with this signature against the story, `words` being its mean cosine. */
  features(signature: EventSignature, words: number): number[] {
    const doc = prepare(signature);
    const sums = new Float64Array(LINK_FEATURES.length);
    const having = new Float64Array(SET_KINDS.length);
    for (const member of this.members) {
      const other = prepare(member);
      SET_KINDS.forEach((kind, k) => {
        const mine = doc.sets[kind];
        const theirs = other.sets[kind];
        if (kind === 'lead' || mine.size === 0 || theirs.size === 0) return;
        having[k] = (having[k] as number) + 1;
        let shared = 0;
        for (const item of mine) if (theirs.has(item)) shared++;
        const found = SIGNATURE_FEATURES[kind];
        if (found.shared >= 0) sums[found.shared] = (sums[found.shared] as number) + shared / mine.size;
        if (found.disjoint >= 0 && shared === 0) sums[found.disjoint] = (sums[found.disjoint] as number) + 1;
        if (kind === 'figures' && shared === 0 && overlaps(doc.sets.units, other.sets.units))
          sums[FIGURES_CONFLICT] = (sums[FIGURES_CONFLICT] as number) + 1;
      });
    }
    const values = LINK_FEATURES.map((_, f) => {
      const kind = FEATURE_KIND[f];
      return kind === undefined ? 0 : (sums[f] as number) / Math.max(having[SET_KINDS.indexOf(kind)] as number, 1);
    });
    values[LINK_FEATURES.indexOf('words')] = words;
    if (doc.sets.lead.size > 0 && this.leadHaving > 0) {
      let shared = 0;
      for (const word of signature.lead) shared += this.leadCounts.get(word) ?? 0;
      values[LINK_FEATURES.indexOf('lead')] = shared / (doc.sets.lead.size * this.leadHaving);
    }
    return values;
  }
}

/** Which features each part of the signature feeds (-1: none). */
const SIGNATURE_FEATURES: Record<SetKind, { shared: number; disjoint: number }> = {
  places: { shared: LINK_FEATURES.indexOf('placesShared'), disjoint: LINK_FEATURES.indexOf('placesDisjoint') },
  participants: {
    shared: LINK_FEATURES.indexOf('participantsShared'),
    disjoint: LINK_FEATURES.indexOf('participantsDisjoint'),
  },
  protagonists: {
    shared: LINK_FEATURES.indexOf('protagonistsShared'),
    disjoint: LINK_FEATURES.indexOf('protagonistsDisjoint'),
  },
  figures: { shared: LINK_FEATURES.indexOf('figuresShared'), disjoint: -1 },
  years: { shared: -1, disjoint: LINK_FEATURES.indexOf('yearsDisjoint') },
  lead: { shared: -1, disjoint: -1 },
};

const FIGURES_CONFLICT = LINK_FEATURES.indexOf('figuresConflict');

/** The part of the signature a feature is averaged over (members having it). */
const FEATURE_KIND: (SetKind | undefined)[] = LINK_FEATURES.map((_, f) => {
  if (f === FIGURES_CONFLICT) return 'figures';
  return SET_KINDS.find((kind) => SIGNATURE_FEATURES[kind].shared === f || SIGNATURE_FEATURES[kind].disjoint === f);
});

function overlaps(a: ReadonlySet<string | number>, b: ReadonlySet<string | number>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** What the figures count (`23 pirates` → `pirates`). */
function unitsOf(figures: readonly string[]): string[] {
  return [...new Set(figures.map((figure) => figure.slice(figure.indexOf(' ') + 1)).filter((unit) => unit !== ''))];
}

/** Probability that a document belongs to a story, from the features in LINK_FEATURES order. */
export function linkProbability(model: LinkModel, features: readonly number[]): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i] as number) * (features[LINK_FEATURES.indexOf(name)] as number);
  });
  return 1 / (1 + Math.exp(-z));
}

let cached: LinkModel | null | undefined;

/** The shipped model, or null when `lede train stories` has not been run. */
export function loadLinkModel(file = LINK_MODEL_FILE): LinkModel | null {
  if (file === LINK_MODEL_FILE && cached !== undefined) return cached;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LinkModel) : null;
  if (file === LINK_MODEL_FILE) cached = model;
  return model;
}
