const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Counts the rows of an export as its bytes arrive, in chunks cut anywhere. A JSONL row is one line
 * (JSON escapes newlines); a CSV row may hold newlines inside a quoted cell, so quotes are tracked
 * across chunks. Both bytes are ASCII and never part of a multi-byte UTF-8 character, so the count
 * needs no decoding.
 */
export class RowCounter {
  bytes = 0;
  private lines = 0;
  private inQuotes = false;

  constructor(private readonly format: 'jsonl' | 'csv') {}

  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.format === 'jsonl') {
      for (const byte of chunk) if (byte === NEWLINE) this.lines++;
      return;
    }
    for (const byte of chunk) {
      // An escaped quote ("") flips the state twice: no special case needed.
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      else if (byte === NEWLINE && !this.inQuotes) this.lines++;
    }
  }

  /** Documents received so far (a CSV's header line is not one). */
  get rows(): number {
    return this.format === 'csv' ? Math.max(0, this.lines - 1) : this.lines;
  }
}
