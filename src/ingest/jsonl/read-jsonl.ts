import type { Readable } from 'node:stream';
import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import { utf16Bom, utf16ToUtf8 } from '../charset/index.js';
import type { InputFile, ReadContext, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, headText, isGzip } from '../sniff.js';
import { type ByteSource, boundedLines, formatBytes, gunzipCapped, InflateLimitError } from '../stream/index.js';

/** One JSONL line: `{id?, url?, title?, text?, html?, published?, language?}` with text or html (also `date`, `source`/`outlet`, `section(s)`, `lang`). */
export const JsonlLine = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().nullish(),
    title: z.string().nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
    published: z.string().nullish(),
    // Common spellings in public news dumps, read as the same hints.
    date: z.string().nullish(),
    source: z.string().nullish(),
    outlet: z.string().nullish(),
    section: z.string().nullish(),
    sections: z.array(z.string()).nullish(),
    lang: z.string().nullish(),
    language: z.string().nullish(),
  })
  .refine((line) => typeof line.text === 'string' || typeof line.html === 'string', {
    message: 'needs "text" or "html"',
  });

export type JsonlLine = z.infer<typeof JsonlLine>;

/** JSONL and JSONL.gz, streamed line by line: a bad line is an error for that line alone. */
export const jsonlReader: Reader = {
  name: 'jsonl',
  accepts: (file) =>
    ['jsonl', 'ndjson', 'json'].includes(extensionOf(file.path)) ||
    (!isGzip(file.head) && headText(file.head).startsWith('{"')),
  read: readJsonl,
};

/** The file's bytes as UTF-8: gunzipped under the inflate limits, or re-encoded from UTF-16. */
function utf8Stream(file: InputFile, context: ReadContext): ByteSource {
  const source = file.stream() as Readable;
  if (isGzip(file.head)) return gunzipCapped(source, context.inflateLimits);
  const utf16 = utf16Bom(file.head);
  return utf16 ? utf16ToUtf8(source, utf16) : source;
}

async function* readJsonl(file: InputFile, context: ReadContext): AsyncIterable<ReadResult> {
  const stream = utf8Stream(file, context);
  let lineNumber = 0;
  let yielded = 0;
  let streamError: unknown;
  try {
    for await (const line of boundedLines(stream, context.maxDocumentBytes)) {
      lineNumber = line.number;
      const where = `${file.path}:${line.number}`;
      if ('oversizedBytes' in line) {
        yielded++;
        const limit = formatBytes(context.maxDocumentBytes);
        const reason = `line is over ${limit}, the limit for one record (--max-bytes); skipped without reading it whole`;
        yield { failure: { uri: where, reason } };
      } else if (line.text.trim()) {
        yielded++;
        const notJsonl = yielded === 1 ? notOneObjectPerLine(line.text, file.path) : undefined;
        if (notJsonl) {
          // One message for the file, not one "malformed JSON" per line of it.
          yield { failure: { uri: file.path, reason: notJsonl } };
          return;
        }
        yield parseJsonlLine(line.text, where);
      }
    }
  } catch (error) {
    streamError = error;
  } finally {
    stream.destroy(); // a consumer that stops early must not leave the file open
  }
  if (streamError) {
    yield { failure: { uri: file.path, reason: describeStreamError(streamError, lineNumber) } };
  } else if (yielded === 0) {
    yield { failure: { uri: file.path, reason: file.size === 0 ? 'empty file' : 'no records: only blank lines' } };
  }
}

function describeStreamError(error: unknown, lineNumber: number): string {
  if (error instanceof InflateLimitError) return `gzip ${error.message}; the ${lineNumber} lines before it were read`;
  const truncated = /unexpected end|incorrect header|invalid/i.test(errorMessage(error));
  return `${truncated ? 'truncated or corrupt gzip' : 'read error'} after line ${lineNumber}: ${errorMessage(error)}`;
}

export function parseJsonlLine(line: string, where: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { failure: { uri: where, reason: `malformed JSON: ${errorMessage(error)}` } };
  }
  const parsed = JsonlLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'record';
    return { failure: { uri: where, reason: `invalid record: ${field} ${issue?.message ?? 'is malformed'}` } };
  }
  const record = parsed.data;
  const isHtml = typeof record.text !== 'string';
  const content = ((isHtml ? record.html : record.text) ?? '').normalize('NFC');
  if (!content.trim()) return { failure: { uri: where, reason: `record has an empty ${isHtml ? 'html' : 'text'}` } };
  const id = record.id === undefined ? undefined : String(record.id);
  return {
    record: {
      uri: id === undefined ? where : `${where.replace(/:\d+$/, '')}#${id}`,
      content,
      mediaType: isHtml ? 'text/html' : 'text/plain',
      charset: 'utf-8',
      charsetFrom: 'json',
      externalId: id,
      hints: {
        url: record.url ?? undefined,
        title: record.title ?? undefined,
        published: record.published ?? record.date ?? undefined,
        outlet: record.outlet ?? record.source ?? undefined,
        sections: record.sections ?? (record.section ? [record.section] : undefined),
        language: record.language ?? record.lang ?? undefined,
      },
    },
  };
}

/** A JSON array or pretty-printed JSON, told from its first line: what to run to make JSONL of it. */
function notOneObjectPerLine(firstLine: string, path: string): string | undefined {
  const start = firstLine.trim();
  if (start.startsWith('[')) {
    return `a JSON array, not JSONL (one JSON object per line); convert it with: jq -c '.[]' ${path} > records.jsonl`;
  }
  if (start === '{') {
    return `pretty-printed JSON, not JSONL (one JSON object per line); convert it with: jq -c . ${path} > records.jsonl`;
  }
  return undefined;
}
