/**
 * ingest/fetch: fetches single pages and feed items for `lede ingest URL` (ReadContext.fetchPage).
 * Polite and guarded: lede's user agent, a per-host rate limit (robots.txt crawl-delay honoured up
 * to 30 s), robots.txt cached per origin, connect and whole-page timeouts, a streamed size cap on
 * the wire and after decompression, redirects followed by hand with every hop re-checked, and
 * refusal of private, loopback, link-local, unique-local, CGNAT and unspecified addresses (IPv4,
 * IPv6, IPv4-mapped) checked on the address actually connected to, unless `allowPrivate`.
 * Known limits: no cookies, no JavaScript, no HTTP proxy; one GET per page (no retries).
 * Tested against a local server: `npx vitest run src/ingest/fetch`.
 */
export type { LookupFunction } from './address-guard.js';
export { classifyAddress } from './address-guard.js';
export { createFetcher, DEFAULT_FETCH_OPTIONS, type Fetcher, type FetchOptions } from './fetch-page.js';
export { readUrl } from './read-url.js';
