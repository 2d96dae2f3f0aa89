/**
 * A multimap from 32-bit keys to entry numbers in typed arrays: an open-addressing table of the
 * most recent entry per key, and a `next` chain through earlier entries with the same key. It
 * holds no JS objects per entry, so millions of LSH band keys cost a few bytes each, and it can be
 * rebuilt from the stored keys alone.
 */
export class KeyTable {
  private keys: Uint32Array;
  /** Entry number + 1 of the most recent entry for the key in this slot; 0 = empty. */
  private heads: Int32Array;
  private used = 0;
  /** For each entry, the previous entry with the same key, or −1. */
  private next: Int32Array;

  constructor(capacity = 1024) {
    const size = powerOfTwoAtLeast(capacity * 2);
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size);
    this.next = new Int32Array(Math.max(16, capacity));
  }

  /** Records `entry` (entries are numbered 0, 1, 2, … in insertion order) under `key`. */
  insert(key: number, entry: number): void {
    if (entry >= this.next.length) {
      const grown = new Int32Array(Math.max(entry + 1, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    if ((this.used + 1) * 2 > this.keys.length) this.rehash();
    const slot = this.findSlot(key);
    const head = this.heads[slot] as number;
    if (head === 0) {
      this.keys[slot] = key;
      this.used++;
    }
    this.next[entry] = head - 1;
    this.heads[slot] = entry + 1;
  }

  /** Calls `visit` for every entry under `key`, most recent first. */
  forEach(key: number, visit: (entry: number) => void): void {
    const slot = this.findSlot(key);
    let entry = (this.heads[slot] as number) - 1;
    while (entry >= 0) {
      visit(entry);
      entry = this.next[entry] as number;
    }
  }

  /** Bytes held by the table's arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.heads.byteLength + this.next.byteLength;
  }

  private findSlot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.heads[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.heads = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] === 0) continue;
      const slot = this.findSlot(oldKeys[i] as number);
      this.keys[slot] = oldKeys[i] as number;
      this.heads[slot] = oldHeads[i] as number;
    }
  }
}

function powerOfTwoAtLeast(n: number): number {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}
