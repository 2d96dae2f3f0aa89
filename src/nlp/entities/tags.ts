import type { TokenEntity } from './conll.js';

/**
 * BILOU tags (Begin, Inside, Last, Unit, Outside): separate tags for one-word names and name ends
 * decode better than IOB on CoNLL (Ratinov & Roth 2009), at the cost of 17 tags instead of 9.
 */
export const LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const TAGS: readonly string[] = [
  'O',
  ...LABELS.flatMap((label) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${label}`)),
];
export const TAG_INDEX = new Map(TAGS.map((tag, index) => [tag, index]));

export function encodeBilou(entities: readonly TokenEntity[], length: number): number[] {
  const tags = new Array<number>(length).fill(0);
  for (const { start, end, label } of entities) {
    if (end - start === 1) {
      tags[start] = TAG_INDEX.get(`U-${label}`) as number;
      continue;
    }
    tags[start] = TAG_INDEX.get(`B-${label}`) as number;
    for (let i = start + 1; i < end - 1; i++) tags[i] = TAG_INDEX.get(`I-${label}`) as number;
    tags[end - 1] = TAG_INDEX.get(`L-${label}`) as number;
  }
  return tags;
}

/** Entities of a BILOU sequence; an ill-formed run (possible only without constrained decoding) is closed where it breaks. */
export function decodeBilou(tags: readonly number[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  let open: TokenEntity | undefined;
  tags.forEach((tagIndex, index) => {
    const tag = TAGS[tagIndex] as string;
    if (tag === 'O') {
      open = undefined;
      return;
    }
    const prefix = tag[0];
    const label = tag.slice(2);
    if (prefix === 'B' || prefix === 'U' || !open || open.label !== label) {
      open = { start: index, end: index + 1, label };
      entities.push(open);
    } else open.end = index + 1;
    if (prefix === 'L' || prefix === 'U') open = undefined;
  });
  return entities;
}

/** allowed[prev * T + next]; prev = T stands for the sentence start. */
export function allowedTransitions(): Uint8Array {
  const size = TAGS.length;
  const allowed = new Uint8Array((size + 1) * size);
  const opens = (tag: string) => tag[0] === 'B' || tag[0] === 'I';
  for (let prev = 0; prev <= size; prev++) {
    const prevTag = prev === size ? 'O' : (TAGS[prev] as string);
    for (let next = 0; next < size; next++) {
      const nextTag = TAGS[next] as string;
      const continues = nextTag[0] === 'I' || nextTag[0] === 'L';
      const ok = opens(prevTag) ? continues && prevTag.slice(2) === nextTag.slice(2) : !continues;
      allowed[prev * size + next] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Tags a sentence may end on: not inside an open name. */
export function canEnd(tagIndex: number): boolean {
  const prefix = (TAGS[tagIndex] as string)[0];
  return prefix !== 'B' && prefix !== 'I';
}
