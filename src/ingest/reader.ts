import type { ReadResult } from './record.js';
import type { InflateLimits } from './stream/index.js';

/** An input file as the readers see it: its path, its first bytes for sniffing, and a way to read it all. */
export interface InputFile {
  path: string;
  size: number;
  head: Uint8Array;
  readAll(): Promise<Uint8Array>;
  /** A stream of the whole file, for readers that must not hold it in memory (JSONL, WARC). */
  stream(): NodeJS.ReadableStream;
}

export interface ReadContext {
  /** Fetches pages named by feeds and URL inputs (refusing private addresses unless allowed). */
  fetchPage?: (url: string) => Promise<ReadResult>;
  /** Largest single document accepted, in bytes (also the longest JSONL line and WARC record read). */
  maxDocumentBytes: number;
  /** Bounds on what a gzip input may decompress to (DEFAULT_INFLATE_LIMITS when left out). */
  inflateLimits?: InflateLimits;
}

/** A reader turns one input file into records; it is chosen by content as well as by extension. */
export interface Reader {
  name: string;
  accepts(file: Pick<InputFile, 'path' | 'head'>): boolean;
  read(file: InputFile, context: ReadContext): AsyncIterable<ReadResult>;
}
