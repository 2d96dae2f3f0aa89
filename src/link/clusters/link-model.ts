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

  get size(): number {
    return this.members.size;
  }

  add(signature: EventSignature): void {
    this.members.add(signature);
  }

  remove(signature: EventSignature): void {
    this.members.delete(signature);
  }

  absorb(other: StorySignature): void {
    for (const signature of other.members) this.members.add(signature);
  }

  /** The features of a document with this signature against the story, `words` being its mean cosine. */
  features(signature: EventSignature, words: number): number[] {
    const doc = prepare(signature);
    const sums: Record<LinkFeature, number> = Object.fromEntries(LINK_FEATURES.map((name) => [name, 0])) as Record<
      LinkFeature,
      number
    >;
    const having: Partial<Record<SetKind | 'days', number>> = {};
    const count = (kind: SetKind | 'days') => {
      having[kind] = (having[kind] ?? 0) + 1;
    };
    for (const member of this.members) {
      const other = prepare(member);
      for (const kind of SET_KINDS) {
        const mine = doc.sets[kind];
        const theirs = other.sets[kind];
        if (mine.size === 0 || theirs.size === 0) continue;
        count(kind);
        let shared = 0;
        for (const item of mine) if (theirs.has(item)) shared++;
        if (kind === 'lead') sums.lead += shared / mine.size;
        else if (kind === 'years') sums.yearsDisjoint += shared === 0 ? 1 : 0;
        else if (kind === 'figures') {
          sums.figuresShared += shared / mine.size;
          if (shared === 0 && [...doc.sets.units].some((unit) => other.sets.units.has(unit))) sums.figuresConflict++;
        } else {
          sums[`${kind}Shared`] += shared / mine.size;
          sums[`${kind}Disjoint`] += shared === 0 ? 1 : 0;
        }
      }
    }
    const per = (kind: SetKind | 'days') => Math.max(having[kind] ?? 0, 1);
    const values: Record<LinkFeature, number> = {
      words,
      lead: sums.lead / per('lead'),
      yearsDisjoint: sums.yearsDisjoint / per('years'),
      placesShared: sums.placesShared / per('places'),
      placesDisjoint: sums.placesDisjoint / per('places'),
      participantsShared: sums.participantsShared / per('participants'),
      participantsDisjoint: sums.participantsDisjoint / per('participants'),
      protagonistsShared: sums.protagonistsShared / per('protagonists'),
      protagonistsDisjoint: sums.protagonistsDisjoint / per('protagonists'),
      figuresShared: sums.figuresShared / per('figures'),
      figuresConflict: sums.figuresConflict / per('figures'),
    };
    return LINK_FEATURES.map((name) => values[name]);
  }
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
