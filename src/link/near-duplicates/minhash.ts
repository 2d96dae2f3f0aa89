import { mix32 } from './shingles.js';

/** How a MinHash signature is cut into LSH bands: `bands × rows` hash functions in all. */
export interface LshParams {
  bands: number;
  rows: number;
  /** Seed of the hash family, so a stored index and new documents agree. */
  seed: number;
}

/**
 * 32 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with probability 1 − 5e-8,
 * at 0.6 with 0.985, at 0.5 with 0.87, at 0.2 with 0.05.
 */
export const DEFAULT_LSH: LshParams = { bands: 32, rows: 4, seed: 0x5eed };

/** Per-function xor and odd multiplier: h_i(x) = mix(x ⊕ a_i) · m_i, a cheap family that behaves as random permutations after mixing. */
export function hashFamily(params: LshParams): { xors: Uint32Array; mults: Uint32Array } {
  const size = params.bands * params.rows;
  const xors = new Uint32Array(size);
  const mults = new Uint32Array(size);
  let state = params.seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = mix32(state + 0x9e3779b9);
    xors[i] = state;
    state = mix32(state + 0x9e3779b9);
    mults[i] = (state | 1) >>> 0;
  }
  return { xors, mults };
}

/** MinHash signature of a shingle set; `out` is reused to spare allocations in bulk loads. */
export function minhash(
  shingles: ArrayLike<number>,
  family: { xors: Uint32Array; mults: Uint32Array },
  out: Uint32Array<ArrayBufferLike> = new Uint32Array(family.xors.length),
): Uint32Array<ArrayBufferLike> {
  const size = family.xors.length;
  out.fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < size; i++) {
      let h = Math.imul(x ^ (family.xors[i] as number), family.mults[i] as number);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < (out[i] as number)) out[i] = h;
    }
  }
  return out;
}

/** One key per band: the band's rows hashed together with the band number, so bands never collide with each other. */
export function bandKeys(
  signature: ArrayLike<number>,
  params: LshParams,
  out: Uint32Array<ArrayBufferLike> = new Uint32Array(params.bands),
): Uint32Array<ArrayBufferLike> {
  for (let b = 0; b < params.bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < params.rows; r++) {
      h = Math.imul(h ^ (signature[b * params.rows + r] as number), 0x01000193);
    }
    out[b] = mix32(h);
  }
  return out;
}
