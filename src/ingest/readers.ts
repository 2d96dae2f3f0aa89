import { feedReader } from './feed/read-feed.js';
import { htmlReader } from './html/read-html.js';
import { jsonlReader } from './jsonl/read-jsonl.js';
import type { Reader } from './reader.js';
import { textReader } from './text/read-text.js';
import { warcReader } from './warc/read-warc.js';

/** Readers in order of preference: the first that accepts a file reads it. Add a reader here. */
export const READERS: Reader[] = [warcReader, feedReader, jsonlReader, htmlReader, textReader];

export function chooseReader(file: Parameters<Reader['accepts']>[0]): Reader | undefined {
  return READERS.find((reader) => reader.accepts(file));
}
