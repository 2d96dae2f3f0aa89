import { Growable } from './growable.js';
import { KeyTable } from './key-table.js';
import { bandKeys, DEFAULT_LSH, hashFamily, type LshParams, minhash } from './minhash.js';
import { exactKey, jaccard, shingleHashes } from './shingles.js';

export interface NearDuplicateOptions extends Partial<LshParams> {
  /** Words per shingle. */
  shingleSize?: number;
  /** Verified Jaccard at or above which two texts are versions of one article. */
  threshold?: number;
  /**
   * Documents an earlier run indexed and a store keeps: put back with `insertKept` (a number, no
   * features held), found through the store's keys and verified against shingles read on demand.
   */
  kept?: KeptVersions;
}

/** Kept documents as the store finds them, by their number in this index. */
export interface KeptVersions {
  /** Kept documents with words whose normalised text has this exact key. */
  exactMatches(key: readonly [number, number]): number[];
  /** Kept documents sharing one of these LSH band keys. */
  bandMatches(keys: Uint32Array): number[];
  shingles(doc: number): Uint32Array;
  exactKey(doc: number): readonly [number, number];
}

/** A verified match of a new text against an indexed one. */
export interface DuplicateMatch {
  /** Number of the indexed document (its insertion order). */
  doc: number;
  jaccard: number;
  /** Same words in the same order once case, punctuation and spacing are ignored. */
  exact: boolean;
}

/** Everything the index holds, as typed arrays plus a few numbers: what a store persists and reloads. */
export interface NearDuplicateState {
  version: 1;
  params: LshParams & { shingleSize: number; threshold: number };
  count: number;
  /** Two hashes per document of its normalised text. */
  exactKeys: Uint32Array;
  /** `bands` LSH keys per document. */
  bandKeys: Uint32Array;
  /** Document i's sorted shingle hashes are shingles[offsets[i] .. offsets[i+1]). */
  shingleOffsets: Uint32Array;
  shingles: Uint32Array;
  /** Verified pairs: edgeA[k] < edgeB[k] with Jaccard edgeJaccard[k]. */
  edgeA: Uint32Array;
  edgeB: Uint32Array;
  edgeJaccard: Float32Array;
}

/** What the index keeps of one text, computed once (`featuresOf`) and kept between runs by the store. */
export interface TextFeatures {
  /** Sorted hashes of its word shingles. */
  shingles: Uint32Array;
  /** Two hashes of its normalised text. */
  exact: [number, number];
  /** Its LSH band keys; null for a text with no words. */
  bands: Uint32Array | null;
}

/**
 * Incremental near-duplicate index: MinHash signatures banded into LSH keys find candidates,
 * and exact Jaccard over the stored shingle sets verifies them. Documents are numbered in the
 * order they are added; versions of one article are the connected components of verified pairs.
 */
export class NearDuplicateIndex {
  readonly params: NearDuplicateState['params'];
  private readonly family: { xors: Uint32Array; mults: Uint32Array };
  private readonly signature: Uint32Array;
  private readonly keysOut: Uint32Array;
  private count = 0;
  private readonly exactKeys: Growable<Uint32Array>;
  private readonly bands: Growable<Uint32Array>;
  private readonly offsets: Growable<Uint32Array>;
  private readonly shingles: Growable<Uint32Array>;
  private readonly edgeA: Growable<Uint32Array>;
  private readonly edgeB: Growable<Uint32Array>;
  private readonly edgeJaccard: Growable<Float32Array>;
  private readonly parent: Growable<Int32Array>;
  private readonly bandTable: KeyTable;
  private readonly exactTable: KeyTable;
  private readonly kept: KeptVersions | undefined;
  /** 1 for a document put back with `insertKept`, whose keys and shingles the store holds. */
  private readonly isKept: Growable<Uint32Array>;
  /** Last query that saw each document, so a candidate met in several bands is verified once. */
  private seen: Int32Array;
  private queries = 0;

  constructor(options: NearDuplicateOptions = {}, expected = 1024) {
    this.params = {
      bands: options.bands ?? DEFAULT_LSH.bands,
      rows: options.rows ?? DEFAULT_LSH.rows,
      seed: options.seed ?? DEFAULT_LSH.seed,
      shingleSize: options.shingleSize ?? 5,
      threshold: options.threshold ?? 0.8,
    };
    this.family = hashFamily(this.params);
    this.signature = new Uint32Array(this.params.bands * this.params.rows);
    this.keysOut = new Uint32Array(this.params.bands);
    this.exactKeys = new Growable(Uint32Array, expected * 2);
    this.bands = new Growable(Uint32Array, expected * this.params.bands);
    this.offsets = new Growable(Uint32Array, expected + 1);
    this.offsets.push(0);
    this.shingles = new Growable(Uint32Array, expected * 200);
    this.edgeA = new Growable(Uint32Array);
    this.edgeB = new Growable(Uint32Array);
    this.edgeJaccard = new Growable(Float32Array);
    this.parent = new Growable(Int32Array, expected);
    this.bandTable = new KeyTable(expected * this.params.bands);
    this.exactTable = new KeyTable(expected);
    this.seen = new Int32Array(Math.max(16, expected)).fill(-1);
    this.kept = options.kept;
    this.isKept = new Growable(Uint32Array, expected);
  }

  get size(): number {
    return this.count;
  }

  /** Indexes a text and returns its verified matches among the texts added before it. */
  add(text: string): { doc: number; matches: DuplicateMatch[] } {
    return this.indexFeatures(this.featuresOf(text), true);
  }

  /**
   * Indexes a text without looking for its matches: for a document whose pairs an earlier run
   * already found (put them back with `link`). Later texts are still matched against it.
   */
  insert(text: string): number {
    return this.indexFeatures(this.featuresOf(text), false).doc;
  }

  /** `add` for a text whose features were computed before (`featuresOf`, kept by the store). */
  addFeatures(features: TextFeatures): { doc: number; matches: DuplicateMatch[] } {
    return this.indexFeatures(features, true);
  }

  /** `insert` for a text whose features were computed before. */
  insertFeatures(features: TextFeatures): number {
    return this.indexFeatures(features, false).doc;
  }

  /**
   * Puts back a document of the kept index (`options.kept`) by number alone: new texts find it
   * through the store's keys, and its pairs are put back with `link`.
   */
  insertKept(): number {
    if (!this.kept) throw new RangeError('no kept index to put a document back from');
    const doc = this.count++;
    this.exactKeys.push(0);
    this.exactKeys.push(0);
    this.parent.push(doc);
    for (let b = 0; b < this.params.bands; b++) this.bands.push(0);
    this.offsets.push(this.shingles.length);
    this.isKept.push(1);
    return doc;
  }

  /** What the index keeps of a text: its shingle hashes, exact key and LSH band keys (null when it has no words). */
  featuresOf(text: string): TextFeatures {
    const shingles = shingleHashes(text, this.params.shingleSize);
    const bands =
      shingles.length > 0
        ? bandKeys(minhash(shingles, this.family, this.signature), this.params, this.keysOut).slice()
        : null;
    return { shingles, exact: exactKey(text), bands };
  }

  /** Records a verified pair found earlier, between two indexed documents. */
  link(a: number, b: number, jaccard: number): void {
    if (a === b || Math.max(a, b) >= this.count) throw new RangeError(`no pair of indexed documents ${a}, ${b}`);
    this.edgeA.push(Math.min(a, b));
    this.edgeB.push(Math.max(a, b));
    this.edgeJaccard.push(jaccard);
    this.union(a, b);
  }

  private indexFeatures(features: TextFeatures, withMatches: boolean): { doc: number; matches: DuplicateMatch[] } {
    const { shingles, exact: key, bands: keys } = features;
    if (keys && keys.length !== this.params.bands) throw new RangeError('features computed with other LSH parameters');
    const matches = keys && withMatches ? this.match(shingles, key, keys) : [];
    const doc = this.count++;
    this.isKept.push(0);
    this.exactKeys.push(key[0]);
    this.exactKeys.push(key[1]);
    this.parent.push(doc);
    if (keys) {
      for (let b = 0; b < keys.length; b++) this.bandTable.insert(keys[b] as number, doc * this.params.bands + b);
      this.bands.append(keys);
      this.exactTable.insert(key[0], doc);
    } else {
      // An empty text gets keys that match nothing, so stored arrays stay aligned.
      for (let b = 0; b < this.params.bands; b++) this.bands.push(0);
    }
    this.shingles.append(shingles);
    this.offsets.push(this.shingles.length);
    for (const match of matches) {
      this.edgeA.push(match.doc);
      this.edgeB.push(doc);
      this.edgeJaccard.push(match.jaccard);
      this.union(match.doc, doc);
    }
    return { doc, matches };
  }

  /** Verified matches of a text among the indexed ones, without adding it. */
  query(text: string): DuplicateMatch[] {
    const shingles = shingleHashes(text, this.params.shingleSize);
    if (shingles.length === 0) return [];
    const keys = bandKeys(minhash(shingles, this.family, this.signature), this.params, this.keysOut);
    return this.match(shingles, exactKey(text), keys);
  }

  /** The representative of a document's group of versions. */
  find(doc: number): number {
    const parent = this.parent.data;
    let root = doc;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[doc] !== root) {
      const up = parent[doc] as number;
      parent[doc] = root;
      doc = up;
    }
    return root;
  }

  /** Groups of two or more versions, each sorted by document number, in order of their first member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let doc = 0; doc < this.count; doc++) {
      const root = this.find(doc);
      const members = byRoot.get(root);
      if (members) members.push(doc);
      else byRoot.set(root, [doc]);
    }
    return [...byRoot.values()].filter((members) => members.length > 1);
  }

  /** Whether every member has the same normalised text. */
  isExactGroup(members: readonly number[]): boolean {
    const [first0, first1] = this.exactKeyOf(members[0] as number);
    return members.every((doc) => {
      const [key0, key1] = this.exactKeyOf(doc);
      return key0 === first0 && key1 === first1;
    });
  }

  private exactKeyOf(doc: number): readonly [number, number] {
    if (this.kept && this.isKept.data[doc] === 1) return this.kept.exactKey(doc);
    const keys = this.exactKeys.data;
    return [keys[doc * 2] as number, keys[doc * 2 + 1] as number];
  }

  /** Verified pairs so far, as [a, b, jaccard] with a < b. */
  edges(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (let k = 0; k < this.edgeA.length; k++) {
      out.push([this.edgeA.data[k] as number, this.edgeB.data[k] as number, this.edgeJaccard.data[k] as number]);
    }
    return out;
  }

  /** Bytes held in typed arrays (the index's own memory, without the JS heap around it). */
  get byteLength(): number {
    const growables = [
      this.exactKeys,
      this.bands,
      this.offsets,
      this.shingles,
      this.edgeA,
      this.edgeB,
      this.edgeJaccard,
      this.parent,
    ];
    return (
      growables.reduce((sum, g) => sum + g.data.byteLength, 0) +
      this.bandTable.byteLength +
      this.exactTable.byteLength +
      this.seen.byteLength
    );
  }

  toState(): NearDuplicateState {
    return {
      version: 1,
      params: { ...this.params },
      count: this.count,
      exactKeys: this.exactKeys.toArray(),
      bandKeys: this.bands.toArray(),
      shingleOffsets: this.offsets.toArray(),
      shingles: this.shingles.toArray(),
      edgeA: this.edgeA.toArray(),
      edgeB: this.edgeB.toArray(),
      edgeJaccard: this.edgeJaccard.toArray(),
    };
  }

  /** Rebuilds an index from a stored state: the lookup tables and groups are derived, not stored. */
  static fromState(state: NearDuplicateState): NearDuplicateIndex {
    const index = new NearDuplicateIndex(state.params, state.count);
    index.count = state.count;
    index.exactKeys.append(state.exactKeys);
    index.bands.append(state.bandKeys);
    index.offsets.length = 0;
    index.offsets.append(state.shingleOffsets);
    index.shingles.append(state.shingles);
    const bands = state.params.bands;
    for (let doc = 0; doc < state.count; doc++) {
      index.parent.push(doc);
      if (state.shingleOffsets[doc] === state.shingleOffsets[doc + 1]) continue;
      for (let b = 0; b < bands; b++)
        index.bandTable.insert(state.bandKeys[doc * bands + b] as number, doc * bands + b);
      index.exactTable.insert(state.exactKeys[doc * 2] as number, doc);
    }
    for (let k = 0; k < state.edgeA.length; k++) {
      index.edgeA.push(state.edgeA[k] as number);
      index.edgeB.push(state.edgeB[k] as number);
      index.edgeJaccard.push(state.edgeJaccard[k] as number);
      index.union(state.edgeA[k] as number, state.edgeB[k] as number);
    }
    return index;
  }

  private match(shingles: Uint32Array, key: [number, number], keys: Uint32Array): DuplicateMatch[] {
    const query = this.queries++;
    if (this.seen.length < this.count) {
      const grown = new Int32Array(Math.max(this.count, this.seen.length * 2)).fill(-1);
      grown.set(this.seen);
      this.seen = grown;
    }
    const matches: DuplicateMatch[] = [];
    const exactKeys = this.exactKeys.data;
    this.exactTable.forEach(key[0], (doc) => {
      if (exactKeys[doc * 2 + 1] !== key[1] || this.seen[doc] === query) return;
      this.seen[doc] = query;
      matches.push({ doc, jaccard: 1, exact: true });
    });
    const bands = this.params.bands;
    const offsets = this.offsets.data;
    const stored = this.shingles.data;
    for (let b = 0; b < keys.length; b++) {
      this.bandTable.forEach(keys[b] as number, (entry) => {
        const doc = Math.floor(entry / bands);
        if (this.seen[doc] === query) return;
        this.seen[doc] = query;
        const similarity = jaccard(shingles, stored.subarray(offsets[doc] as number, offsets[doc + 1] as number));
        if (similarity >= this.params.threshold) matches.push({ doc, jaccard: similarity, exact: false });
      });
    }
    // Kept documents are in none of the tables above: the store finds them by the same keys.
    if (this.kept) {
      for (const doc of this.kept.exactMatches(key)) {
        if (this.seen[doc] === query) continue;
        this.seen[doc] = query;
        matches.push({ doc, jaccard: 1, exact: true });
      }
      for (const doc of this.kept.bandMatches(keys)) {
        if (this.seen[doc] === query) continue;
        this.seen[doc] = query;
        const similarity = jaccard(shingles, this.kept.shingles(doc));
        if (similarity >= this.params.threshold) matches.push({ doc, jaccard: similarity, exact: false });
      }
    }
    return matches.sort((a, b) => a.doc - b.doc);
  }

  private union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    // The earlier document stays the root, so a group is named after its first version.
    if (rootA < rootB) this.parent.data[rootB] = rootA;
    else this.parent.data[rootA] = rootB;
  }
}
