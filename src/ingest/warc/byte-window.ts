/**
 * A sliding window over a byte stream: bytes are read ahead only as far as asked, so a caller holds
 * one record (or one search chunk) at a time, never the archive.
 */
export class ByteWindow {
  /** Absolute position in the stream of the window's first byte. */
  offset = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private failure: unknown;
  private readonly source: AsyncIterator<Uint8Array>;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.source = chunks[Symbol.asyncIterator]();
  }

  get length(): number {
    return this.buffer.length;
  }

  /**
   * Reads ahead until the window holds `bytes` bytes; false when the stream ends first. A stream
   * error (a cut-off gzip member) ends it too and is kept for `rethrow`, so the records read before
   * it are still framed and the error is raised only where bytes are really missing.
   */
  async fill(bytes: number): Promise<boolean> {
    if (this.buffer.length >= bytes) return true;
    const parts: Buffer[] = [this.buffer];
    let total = this.buffer.length;
    while (total < bytes && !this.ended) {
      const next = await this.source.next().catch((error: unknown) => {
        this.failure = error;
        return { done: true as const, value: undefined };
      });
      if (next.done) {
        this.ended = true;
        break;
      }
      parts.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length));
      total += next.value.length;
    }
    // Concatenated once per call, so filling a large record costs one copy, not one per chunk.
    this.buffer = parts.length === 1 ? this.buffer : Buffer.concat(parts, total);
    return total >= bytes;
  }

  /** Reads at least one more chunk; false at the end of the stream. */
  more(): Promise<boolean> {
    return this.fill(this.buffer.length + 1);
  }

  /** Throws the error that ended the stream early, if one did. */
  rethrow(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  peek(bytes: number): Buffer {
    return this.buffer.subarray(0, bytes);
  }

  indexOf(needle: string, from = 0): number {
    return this.buffer.indexOf(needle, from, 'latin1');
  }

  consume(bytes: number): void {
    const taken = Math.min(bytes, this.buffer.length);
    this.buffer = this.buffer.subarray(taken);
    this.offset += taken;
  }

  /** Drops `bytes` bytes without holding them; returns how many the stream still had. */
  async skip(bytes: number): Promise<number> {
    let left = bytes;
    while (left > 0 && (this.buffer.length > 0 || (await this.more()))) {
      const taken = Math.min(left, this.buffer.length);
      this.consume(taken);
      left -= taken;
    }
    return bytes - left;
  }
}
