import type { EventSignature } from './event-signature.js';
import type { StoryTerms } from './story-terms.js';

/** A member with its weighted terms and norm under the current document frequencies. */
export interface Vector {
  terms: StoryTerms;
  signature: EventSignature;
  weighted: { terms: string[]; weights: Float64Array };
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
