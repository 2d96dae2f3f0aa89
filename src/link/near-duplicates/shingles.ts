/**
 * Word shingles of a clean body, hashed to 32 bits. Words are runs of letters, digits and `_`
 * (Python's `\w`, as the silver pair files were made), lower-cased, so case, punctuation and
 * spacing differences never separate two copies of one text.
 */

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** Lower-cased words of a text, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Sorted, distinct hashes of the k-word shingles of a text. A text shorter than k words is one
 * shingle of all its words, so short texts still compare.
 */
export function shingleHashes(text: string, k = 5): Uint32Array {
  const list = words(text);
  if (list.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) wordHashes[i] = hashString(list[i] as string);
  const count = Math.max(1, list.length - k + 1);
  const width = Math.min(k, list.length);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < width; j++) h = Math.imul(h ^ (wordHashes[i + j] as number), 0x01000193) + j;
    out[i] = mix32(h);
  }
  out.sort();
  return dedupeSorted(out);
}

function dedupeSorted(values: Uint32Array): Uint32Array {
  if (values.length < 2) return values;
  let n = 1;
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== values[n - 1]) values[n++] = values[i] as number;
  }
  return values.subarray(0, n);
}

/** Exact Jaccard similarity of two sorted, distinct hash lists. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Two 32-bit hashes of the text with case, punctuation and spacing removed: equal keys mean the
 * same words in the same order (an exact duplicate once boilerplate is gone).
 */
export function exactKey(text: string): [number, number] {
  const joined = words(text).join(' ');
  return [hashString(joined), hashString(joined, 0x3c6ef372)];
}
