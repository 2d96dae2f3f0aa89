import { decodeBytes } from '../charset/index.js';
import type { InputFile, ReadContext, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, isGzip, looksBinary, looksLikeHtml } from '../sniff.js';
import { formatBytes } from '../stream/index.js';

/** Plain-text scrape dumps: `.txt`, or any text file that no other reader claims. */
export const textReader: Reader = {
  name: 'text',
  accepts: (file) =>
    !isGzip(file.head) && !looksLikeHtml(file.head) && ['txt', 'text', ''].includes(extensionOf(file.path)),
  read: (file, context) => readWhole(file, context, 'text/plain'),
};

/** Reads a file that holds one document, with the checks every single-document reader needs. */
export async function* readWhole(file: InputFile, context: ReadContext, mediaType: string): AsyncIterable<ReadResult> {
  if (file.size === 0) {
    yield { failure: { uri: file.path, reason: 'empty file' } };
    return;
  }
  if (file.size > context.maxDocumentBytes) {
    yield {
      failure: {
        uri: file.path,
        reason: `file is ${formatBytes(file.size)}, over the ${formatBytes(context.maxDocumentBytes)} limit for one document (--max-bytes)`,
      },
    };
    return;
  }
  if (looksBinary(file.head)) {
    yield { failure: { uri: file.path, reason: 'binary file: not text, HTML, JSONL, WARC or a feed' } };
    return;
  }
  const bytes = await file.readAll();
  const decoded = decodeBytes(bytes, undefined, mediaType === 'text/html');
  if (decoded.text.trim().length === 0) {
    yield { failure: { uri: file.path, reason: 'file has no text (only white space)' } };
    return;
  }
  yield {
    record: {
      uri: file.path,
      bytes,
      content: decoded.text,
      mediaType,
      charset: decoded.charset,
      charsetFrom: decoded.from,
    },
  };
}
