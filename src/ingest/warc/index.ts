/**
 * ingest/warc: WARC and WARC.gz archives (by extension or by their `WARC/` first bytes, gzipped or
 * not), streamed record by record. Each 2xx HTML response (or resource) record becomes a RawRecord
 * with uri `archive#<target-uri>`, its HTTP Content-Type charset honoured and its transfer/content
 * encoding undone. Requests, assets, redirects and errors are skipped. Records are framed by their
 * Content-Length and checked to end where it says (frame-records.ts): a broken record fails alone,
 * named by number and byte offset, and reading resumes at the next `WARC/1.` line. A cut-off archive
 * yields the records read so far and one failure naming the file; a page over the document limit
 * fails alone and an asset over it is skipped, neither held in memory. WARC.gz decompresses under
 * the inflate limits (a compression bomb fails the file after the records before it).
 * Known limits: revisit records are skipped (their payload lives in another record); a corrupt gzip
 * member ends a WARC.gz there (the members after it are not searched for).
 * Tested on archives written by warcio in the test: `npx vitest run src/ingest/warc`.
 */
export { warcReader } from './read-warc.js';
export { type WarcPage, writeWarc } from './write-warc.js';
