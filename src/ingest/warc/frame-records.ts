import { ByteWindow } from './byte-window.js';

/** One record's place in the archive, for messages: its number (from 1), byte offset and target URI. */
export interface RecordPlace {
  number: number;
  offset: number;
  target?: string;
}

/**
 * What framing finds at each record position: a whole record's bytes, a record too large to hold
 * (its WARC header and the first bytes of its block, to tell whether it was a page), a broken record
 * (framing then resumes at the next `WARC/1.` line), or the end of the archive inside a record.
 */
export type FramedRecord = RecordPlace &
  (
    | { kind: 'record'; bytes: Buffer }
    | { kind: 'oversized'; length: number; header: string; blockHead: Buffer }
    | { kind: 'broken'; reason: string }
    | { kind: 'truncated'; missingBytes: number }
  );

const MAX_HEADER_BYTES = 64 * 1024;
const BLOCK_HEAD_BYTES = 8 * 1024;
const HEADER_END = '\r\n\r\n';
const NEXT_RECORD = '\nWARC/1.';

/**
 * Splits an (uncompressed) WARC stream into records by their Content-Length, checking that each
 * block ends with the blank lines the format requires. warcio alone trusts every header: one wrong
 * Content-Length or missing header made it swallow the next record, stop, or print to the console.
 */
export async function* frameWarcRecords(
  chunks: AsyncIterable<Uint8Array>,
  maxRecordBytes: number,
): AsyncIterable<FramedRecord> {
  const window = new ByteWindow(chunks);
  let number = 0;
  for (;;) {
    await window.fill(MAX_HEADER_BYTES);
    const blankLines = leadingNewlines(window.peek(window.length));
    if (blankLines > 0) {
      window.consume(blankLines);
      continue;
    }
    if (window.length === 0) {
      window.rethrow();
      return;
    }
    number++;
    const head = window.peek(MAX_HEADER_BYTES);
    const headerEnd = head.indexOf(HEADER_END, 0, 'latin1');
    const header = head.subarray(0, Math.max(headerEnd, 0)).toString('latin1');
    const place: RecordPlace = { number, offset: window.offset, target: headerField(header, 'WARC-Target-URI') };
    const length = Number(headerField(header, 'Content-Length') ?? Number.NaN);
    const problem = headerProblem(header, headerEnd, length);
    if (problem) {
      if (headerEnd < 0) window.rethrow();
      yield { ...place, kind: 'broken', reason: problem };
      await resync(window, 1);
      continue;
    }
    const blockStart = headerEnd + HEADER_END.length;
    const recordEnd = blockStart + length + HEADER_END.length;
    if (length > maxRecordBytes) {
      await window.fill(blockStart + BLOCK_HEAD_BYTES);
      const blockHead = Buffer.from(window.peek(blockStart + Math.min(length, BLOCK_HEAD_BYTES)).subarray(blockStart));
      yield { ...place, kind: 'oversized', length, header, blockHead };
      window.consume(blockStart);
      const missing = length - (await window.skip(length));
      if (missing > 0) {
        window.rethrow();
        yield { ...place, kind: 'truncated', missingBytes: missing };
        return;
      }
      await window.fill(HEADER_END.length);
      if (window.peek(HEADER_END.length).toString('latin1') === HEADER_END) window.consume(HEADER_END.length);
      else {
        yield { ...place, kind: 'broken', reason: `its block does not end after its Content-Length (${length})` };
        await resync(window, 0);
      }
      continue;
    }
    const complete = await window.fill(recordEnd);
    const endsWell = complete && window.peek(recordEnd).subarray(-HEADER_END.length).toString('latin1') === HEADER_END;
    if (endsWell) {
      yield { ...place, kind: 'record', bytes: Buffer.from(window.peek(recordEnd)) };
      window.consume(recordEnd);
      continue;
    }
    // A record that runs into the next one has a wrong Content-Length; one that runs into the end is cut off.
    if (!complete && window.indexOf(NEXT_RECORD, blockStart) < 0) {
      window.rethrow();
      yield { ...place, kind: 'truncated', missingBytes: recordEnd - window.length };
      return;
    }
    yield { ...place, kind: 'broken', reason: `its block does not end after its Content-Length (${length})` };
    window.consume(blockStart);
    await resync(window, 0);
  }
}

function headerProblem(header: string, headerEnd: number, length: number): string | undefined {
  if (!header.startsWith('WARC/1.')) return 'it does not start with a WARC/1.x version line';
  if (headerEnd < 0) return `its WARC header does not end within ${MAX_HEADER_BYTES / 1024} KB`;
  if (headerField(header, 'Content-Length') === undefined) return 'its WARC header has no Content-Length';
  if (!Number.isSafeInteger(length) || length < 0) return 'its Content-Length is not a number of bytes';
  return undefined;
}

export function headerField(header: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:[ \\t]*(.*?)[ \\t]*$`, 'im').exec(header);
  return match?.[1];
}

function leadingNewlines(bytes: Buffer): number {
  let count = 0;
  while (bytes[count] === 0x0d || bytes[count] === 0x0a) count++;
  return count;
}

/** Drops bytes up to the next line that starts a record, searching from `from`, one chunk at a time. */
async function resync(window: ByteWindow, from: number): Promise<void> {
  let searchFrom = from;
  for (;;) {
    const at = window.indexOf(NEXT_RECORD, searchFrom);
    if (at >= 0) {
      window.consume(at + 1);
      return;
    }
    // The marker may straddle the chunk boundary: keep its length minus one byte.
    window.consume(Math.max(searchFrom, window.length - NEXT_RECORD.length + 1));
    searchFrom = 0;
    if (!(await window.more())) {
      window.consume(window.length);
      window.rethrow();
      return;
    }
  }
}
