/**
 * ingest/: turns files, folders, archives, feeds and URLs into raw records (decoded, NFC) or
 * failures naming the input and the reason. Readers are chosen by content as well as extension
 * (readers.ts). It never throws for bad input, so one bad file never stops the rest. Hostile input
 * is bounded: gzip decompresses under a size and ratio cap (stream/gunzip-capped.ts), JSONL lines
 * and WARC records over the document limit fail without being held, folder walks stay inside the
 * folder given. `src/bench/hostile-inputs.ts` is the fixture that checks it (fuzz.test.ts, scripts/hostile-ingest.ts).
 */

export { decodeBytes } from './charset/index.js';
export { feedReader, parseFeed } from './feed/index.js';
export {
  classifyAddress,
  createFetcher,
  DEFAULT_FETCH_OPTIONS,
  type Fetcher,
  type FetchOptions,
  readUrl,
} from './fetch/index.js';
export { parseJsonlLine } from './jsonl/index.js';
export { readInputs } from './read-inputs.js';
export type { InputFile, ReadContext, Reader } from './reader.js';
export { chooseReader, READERS } from './readers.js';
export type { RawRecord, ReadFailure, ReadResult } from './record.js';
export { expandInputs, isUrl, measureInputs, memoryInputFile, openInputFile } from './sources/index.js';
export { DEFAULT_INFLATE_LIMITS, formatBytes, type InflateLimits } from './stream/index.js';
export { warcReader, writeWarc } from './warc/index.js';
