/**
 * ingest/warc: WARC and WARC.gz archives (by extension or by their `WARC/` first bytes, gzipped or
 * not), streamed record by record. Each 2xx HTML response (or resource) record becomes a RawRecord
 * with uri `archive#<target-uri>`, its HTTP Content-Type charset honoured and its transfer/content
 * encoding undone. Requests, assets, redirects and errors are skipped. A cut-off archive yields the
 * records read so far and one failure naming the file; a record over the document limit fails alone.
 * Known limits: revisit records are skipped (their payload lives in another record).
 * Tested on archives written by warcio in the test: `npx vitest run src/ingest/warc`.
 */
export { warcReader } from './read-warc.js';
export { type WarcPage, writeWarc } from './write-warc.js';
