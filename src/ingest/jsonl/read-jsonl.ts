import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import type { InputFile, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, headText, isGzip } from '../sniff.js';

/** One JSONL line: `{id?, url?, title?, text?, html?, published?}` with text or html (also `date`, `source`/`outlet`, `section(s)`). */
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

async function* readJsonl(file: InputFile): AsyncIterable<ReadResult> {
  const source = file.stream();
  const stream = isGzip(file.head) ? source.pipe(createGunzip()) : source;
  let streamError: unknown;
  stream.on('error', (error) => {
    streamError = error;
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let yielded = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      yielded++;
      yield parseJsonlLine(line, `${file.path}:${lineNumber}`);
    }
  } catch (error) {
    streamError ??= error;
  }
  if (streamError) {
    const truncated = /unexpected end|incorrect header|invalid/i.test(errorMessage(streamError));
    yield {
      failure: {
        uri: file.path,
        reason: `${truncated ? 'truncated or corrupt gzip' : 'read error'} after line ${lineNumber}: ${errorMessage(streamError)}`,
      },
    };
  } else if (yielded === 0) {
    yield { failure: { uri: file.path, reason: lineNumber === 0 ? 'empty file' : 'no records: only blank lines' } };
  }
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
      },
    },
  };
}
