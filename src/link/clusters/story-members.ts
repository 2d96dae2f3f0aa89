import type { EventSignature } from './event-signature.js';
import type { StorySignature } from './link-model.js';
import type { StoryTerms } from './story-terms.js';

export interface Member {
  name: string;
  terms: StoryTerms;
  headline?: string;
  date?: string;
  outlet?: string;
  /** Norm of the TF-IDF vector when the document arrived. */
  norm: number;
  signature: EventSignature;
}

export interface Story {
  id: number;
  members: number[];
  /** Σ over members of log-tf / norm, per term: mean cosine to the members is one sparse dot product with it. */
  centroid: Map<string, number>;
  /** Dates of its dated members, as days since 1970. */
  firstDay?: number;
  lastDay?: number;
  /** Quoted-speech terms among its members' terms. */
  quoteTerms: number;
  signature: StorySignature;
  /** Set when the story was merged into another. */
  mergedInto?: number;
}

/** A document's terms with log-tf · idf² each. */
export type Weighted = { terms: string[]; weights: Float64Array };

/** A member with its weighted terms and norm under the current document frequencies. */
export interface Vector {
  terms: StoryTerms;
  signature: EventSignature;
  weighted: Weighted;
  norm: number;
}

export function cosine(first: Vector, second: Vector): number {
  let dot = 0;
  first.weighted.terms.forEach((term, i) => {
    const count = second.terms.get(term);
    if (count !== undefined) dot += (first.weighted.weights[i] as number) * logTf(count);
  });
  return dot / (first.norm * second.norm);
}

export function logTf(count: number): number {
  return 1 + Math.log(count > 1 ? count : 1);
}
