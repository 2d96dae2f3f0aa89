import { pipeline, type Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { errorMessage } from '../../errors.js';
import { decodeBytes } from '../charset/index.js';
import type { InputFile, ReadContext, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, isGzip } from '../sniff.js';
import { formatBytes } from '../text/index.js';

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
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
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
  // Checked up front: warcio reads a first line of any length, so junk without newlines would fill memory.
  if (!startsWithWarc(file.head)) {
    const what = isGzip(file.head) ? 'gzip file does not hold a WARC' : 'not a WARC file';
    yield { failure: { uri: file.path, reason: `${what} (it does not start with a WARC/1.x version line)` } };
    return;
  }
  // Node's gunzip reads multi-member archives and, unlike warcio's inflater, reports a cut-off member.
  const raw = file.stream() as Readable;
  const source = isGzip(file.head) ? pipeline(raw, createGunzip(), () => {}) : raw;
  let records = 0;
  let skipped = 0;
  let failed = 0;
  try {
    for await (const record of new WARCParser(source as AsyncIterable<Uint8Array>)) {
      if (record.warcHeader('Content-Length') == null) {
        throw new TruncatedError(`record ${records + skipped + 1} is cut off in its WARC headers`);
      }
      const target = record.warcTargetURI ?? `record-${records + skipped + 1}`;
      const uri = `${file.path}#${target}`;
      const result = await readRecord(record, uri, context);
      if (result === 'skip') {
        skipped++;
        continue;
      }
      if ('record' in result) records++;
      else failed++;
      yield result;
    }
  } catch (error) {
    const truncated =
      error instanceof TruncatedError || /unexpected end|incorrect header|invalid/i.test(errorMessage(error));
    const after = `after ${records} record${records === 1 ? '' : 's'}`;
    yield {
      failure: {
        uri: file.path,
        reason: `${truncated ? 'truncated or corrupt WARC' : 'WARC read error'} ${after}: ${errorMessage(error)}`,
      },
    };
    return;
  } finally {
    raw.destroy(); // a consumer that stops early must not leave the file open
  }
  if (records === 0 && failed === 0) {
    yield {
      failure: { uri: file.path, reason: `no HTML response records in the WARC (${skipped} other records skipped)` },
    };
  }
}

class TruncatedError extends Error {}

/** One response record as a RawRecord, a failure for that record, or 'skip' for records that are not HTML pages. */
async function readRecord(record: WARCRecord, uri: string, context: ReadContext): Promise<ReadResult | 'skip'> {
  const isResponse = record.warcType === 'response';
  const info = isResponse ? record.getResponseInfo() : null;
  const status = Number(info?.status ?? 200);
  const contentType = (isResponse ? info?.headers.get('content-type') : record.warcContentType) ?? '';
  const isPage = (isResponse || record.warcType === 'resource') && status >= 200 && status <= 299;
  if (!isPage || !HTML_TYPES.test(contentType)) {
    await drain(record);
    return 'skip';
  }
  if (record.warcContentLength > context.maxDocumentBytes) {
    await drain(record);
    const size = formatBytes(record.warcContentLength);
    return {
      failure: {
        uri,
        reason: `record is ${size}, over the ${formatBytes(context.maxDocumentBytes)} limit for one document`,
      },
    };
  }
  const bytes = await readContent(record, context.maxDocumentBytes);
  await drain(record);
  if (bytes === undefined)
    return { failure: { uri, reason: 'record content decompresses past the limit for one document' } };
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

/**
 * Reads what is left of a record's block and throws if the archive ended before its
 * Content-Length. warcio would otherwise skip a cut-off record in an endless loop, or not notice it.
 */
async function drain(record: WARCRecord): Promise<void> {
  const block = record._reader as AsyncIterable<Uint8Array> & { limit?: number };
  for await (const _ of block) {
    // discarded: only the position in the archive matters
  }
  if ((block.limit ?? 0) > 0) {
    throw new TruncatedError(`record ${record.warcTargetURI ?? ''} is missing its last ${block.limit} bytes`);
  }
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
