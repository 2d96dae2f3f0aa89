import { feedReader } from './feed/index.js';
import { htmlReader } from './html/index.js';
import { jsonlReader } from './jsonl/index.js';
import type { Reader } from './reader.js';
import { textReader } from './text/index.js';
import { warcReader } from './warc/index.js';

/** Readers in order of preference: the first that accepts a file reads it. Add a reader here. */
export const READERS: Reader[] = [warcReader, feedReader, jsonlReader, htmlReader, textReader];

export function chooseReader(file: Parameters<Reader['accepts']>[0]): Reader | undefined {
  return READERS.find((reader) => reader.accepts(file));
}
