import type { RecordHints } from '../model/index.js';

/** What a reader yields: one input document, decoded, before cleaning. */
export interface RawRecord {
  /** File path, URL, or `container#member` for records inside an archive, feed or JSONL file. */
  uri: string;
  /** The original bytes, when the reader had them (kept in the store beside the decoded text). */
  bytes?: Uint8Array;
  /** Decoded content, NFC-normalised: the text dump, or the HTML markup. */
  content: string;
  /** `text/plain` for scrape dumps and JSONL `text`, `text/html` for pages and JSONL `html`. */
  mediaType: string;
  charset?: string;
  charsetFrom?: string;
  /** The record's own id (JSONL `id`), kept as the document's external id. */
  externalId?: string;
  /** Hints from the container: a JSONL record's url/title/published, a feed item's link and date. */
  hints?: RecordHints;
  fetchedAt?: string;
}

/** An input that could not be read, with the reason, so the rest of the batch carries on. */
export interface ReadFailure {
  uri: string;
  reason: string;
}

export type ReadResult = { record: RawRecord } | { failure: ReadFailure };
