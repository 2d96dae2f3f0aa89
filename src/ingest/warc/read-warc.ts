import { Readable } from 'node:stream';
import { constants, gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { errorMessage } from '../../errors.js';
import { decodeBytes } from '../charset/index.js';
import type { InputFile, ReadContext, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, isGzip } from '../sniff.js';
import { type ByteSource, formatBytes, gunzipCapped, InflateLimitError } from '../stream/index.js';
import { type FramedRecord, frameWarcRecords, headerField } from './frame-records.js';

/** WARC and WARC.gz: every HTML response record (2xx) becomes one record, streamed record by record. */
export const warcReader: Reader = {
  name: 'warc',
  accepts: (file) => extensionOf(file.path) === 'warc' || startsWithWarc(file.head),
  read: readWarc,
};

function startsWithWarc(head: Uint8Array): boolean {
  const plain = isGzip(head) ? gunzipHead(head) : head;
  return Buffer.from(plain.subarray(0, 5)).toString('latin1') === 'WARC/';
}

/** The first bytes of a gzip file, decompressed as far as the head allows. */
export function gunzipHead(head: Uint8Array): Uint8Array {
  try {
    // 512 compressed bytes hold the start of any real first member and inflate to under the 1 MB cap
    // even as a bomb, which would otherwise throw and hide the WARC before it.
    return gunzipSync(head.subarray(0, 512), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
  } catch {
    return new Uint8Array();
  }
}

const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

async function* readWarc(file: InputFile, context: ReadContext): AsyncIterable<ReadResult> {
  if (file.size === 0) {
    yield { failure: { uri: file.path, reason: 'empty file' } };
    return;
  }
  // Checked up front, so a file of junk fails at once instead of being searched for records.
  if (!startsWithWarc(file.head)) {
    const what = isGzip(file.head) ? 'gzip file does not hold a WARC' : 'not a WARC file';
    yield { failure: { uri: file.path, reason: `${what} (it does not start with a WARC/1.x version line)` } };
    return;
  }
  // Node's gunzip reads multi-member archives and, unlike warcio's inflater, reports a cut-off member.
  const raw = file.stream() as Readable;
  const gzipped = isGzip(file.head);
  const source: ByteSource = gzipped ? gunzipCapped(raw, context.inflateLimits) : raw;
  const counts = { records: 0, skipped: 0, failed: 0 };
  try {
    for await (const framed of frameWarcRecords(source, context.maxDocumentBytes)) {
      const result = await readFramed(framed, file.path, context, gzipped, counts.records);
      if (result === 'skip') counts.skipped++;
      else if ('record' in result) counts.records++;
      else counts.failed++;
      if (result !== 'skip') yield result;
      if (framed.kind === 'truncated') return;
    }
  } catch (error) {
    yield { failure: { uri: file.path, reason: describeStreamError(error, counts.records) } };
    return;
  } finally {
    source.destroy(); // a consumer that stops early must not leave the file open
  }
  if (counts.records === 0 && counts.failed === 0) {
    const reason = `no HTML response records in the WARC (${counts.skipped} other records skipped)`;
    yield { failure: { uri: file.path, reason } };
  }
}

function describeStreamError(error: unknown, records: number): string {
  if (error instanceof InflateLimitError) return `gzip ${error.message}; stopped ${after(records)}`;
  const truncated = /unexpected end|incorrect header|invalid/i.test(errorMessage(error));
  return `${truncated ? 'truncated or corrupt WARC' : 'WARC read error'} ${after(records)}: ${errorMessage(error)}`;
}

function after(records: number): string {
  return `after ${records} record${records === 1 ? '' : 's'}`;
}

/** One framed record as a record, a failure naming its place, or 'skip' for records that are not HTML pages. */
async function readFramed(
  framed: FramedRecord,
  path: string,
  context: ReadContext,
  gzipped: boolean,
  recordsSoFar: number,
): Promise<ReadResult | 'skip'> {
  const uri = `${path}#${framed.target ?? `record-${framed.number}`}`;
  const at = `record ${framed.number} at byte ${framed.offset}${gzipped ? ' (uncompressed)' : ''}`;
  switch (framed.kind) {
    case 'broken':
      return { failure: { uri, reason: `broken WARC ${at}: ${framed.reason}; the records after it are read` } };
    case 'truncated': {
      const missing = `record ${framed.target ?? framed.number} is missing its last ${framed.missingBytes} bytes`;
      return { failure: { uri: path, reason: `truncated or corrupt WARC ${after(recordsSoFar)}: ${missing}` } };
    }
    case 'oversized': {
      if (!oversizedIsPage(framed.header, framed.blockHead)) return 'skip';
      const size = `${formatBytes(framed.length)}, over the ${formatBytes(context.maxDocumentBytes)} limit`;
      return { failure: { uri, reason: `record is ${size} for one document (--max-bytes)` } };
    }
    case 'record': {
      const record = await new WARCParser(Readable.from([framed.bytes])).parse();
      if (!record) return { failure: { uri, reason: `broken WARC ${at}: warcio could not parse it` } };
      return readRecord(record, uri, context);
    }
  }
}

/** One response record as a RawRecord, a failure for that record, or 'skip' for records that are not HTML pages. */
async function readRecord(record: WARCRecord, uri: string, context: ReadContext): Promise<ReadResult | 'skip'> {
  const isResponse = record.warcType === 'response';
  const info = isResponse ? record.getResponseInfo() : null;
  const status = Number(info?.status ?? 200);
  if (isResponse && !Number.isInteger(status)) {
    return { failure: { uri, reason: 'response record without a readable HTTP status line' } };
  }
  const contentType = (isResponse ? info?.headers.get('content-type') : record.warcContentType) ?? '';
  const isPage = (isResponse || record.warcType === 'resource') && status >= 200 && status <= 299;
  if (!isPage || !HTML_TYPES.test(contentType)) return 'skip';
  const bytes = await readContent(record, context.maxDocumentBytes);
  if (bytes === undefined) {
    const limit = formatBytes(context.maxDocumentBytes);
    return {
      failure: { uri, reason: `record content decompresses past the ${limit} limit for one document (--max-bytes)` },
    };
  }
  if (bytes.length === 0) return { failure: { uri, reason: 'record has an empty body' } };
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  const decoded = decodeBytes(bytes, declared, true);
  return {
    record: {
      uri,
      bytes,
      content: decoded.text,
      mediaType: 'text/html',
      charset: decoded.charset,
      charsetFrom: decoded.from,
      hints: { url: record.warcTargetURI ?? undefined },
      fetchedAt: record.warcDate ?? undefined,
    },
  };
}

/** Whether a record too large to read was an HTML page (then it fails by name) rather than an asset (skipped). */
function oversizedIsPage(header: string, blockHead: Buffer): boolean {
  const type = headerField(header, 'WARC-Type');
  if (type === 'resource') return HTML_TYPES.test(headerField(header, 'Content-Type') ?? '');
  if (type !== 'response') return false;
  const http = blockHead.toString('latin1');
  const headEnd = http.indexOf('\r\n\r\n');
  const httpHeader = headEnd < 0 ? http : http.slice(0, headEnd);
  return /^HTTP\/\d(\.\d)? 2\d\d\b/.test(httpHeader) && HTML_TYPES.test(headerField(httpHeader, 'Content-Type') ?? '');
}

/** The HTTP payload, de-chunked and decompressed, or undefined once it passes `maxBytes`. */
async function readContent(record: WARCRecord, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of record.contentReader) {
    total += chunk.length;
    if (total > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
