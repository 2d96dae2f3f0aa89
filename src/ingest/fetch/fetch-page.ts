import { isIP } from 'node:net';
import { Agent, type Dispatcher, request } from 'undici';
import { errorMessage } from '../../errors.js';
import { decodeBytes } from '../charset/index.js';
import type { ReadResult } from '../record.js';
import { looksLikeHtml } from '../sniff.js';
import { formatBytes } from '../text/index.js';
import { createGuardedLookup, type LookupFunction, RefusedAddressError, refusalFor } from './address-guard.js';
import { createHostRateLimiter } from './rate-limit.js';
import { OverCapError, readCappedBody } from './read-body.js';
import { createRobotsCache } from './robots-cache.js';

/** How pages are fetched; `lede ingest` maps its flags onto these. */
export interface FetchOptions {
  /** Fetch from private, loopback, link-local, unique-local, CGNAT and unspecified addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Requests per second to one host (`--rate`); a longer robots.txt crawl-delay (up to 30 s) wins. Default 1. */
  requestsPerSecond?: number;
  /** Whole-page time limit in ms, redirects included (`--timeout`, given there in seconds). Default 15 000. */
  timeoutMs?: number;
  /** Time limit for opening a connection, in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** Largest response body, in bytes, on the wire and decompressed (`--max-bytes`). Default 20 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up; each hop is checked again. Default 5. */
  maxRedirects?: number;
  /** Honour robots.txt. Default true. */
  respectRobots?: boolean;
  userAgent?: string;
  /** DNS resolution (tests map names to local addresses); every answer still passes the address guard. */
  lookup?: LookupFunction;
}

export const DEFAULT_FETCH_OPTIONS = {
  allowPrivate: false,
  requestsPerSecond: 1,
  timeoutMs: 15_000,
  connectTimeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  respectRobots: true,
  userAgent: 'lede/0.1 (+https://github.com/lede-news/lede)',
} as const satisfies Required<Omit<FetchOptions, 'lookup'>>;

export interface Fetcher {
  /** One page as a record (HTML, text, or a feed's XML), or a failure naming the URL and the reason. */
  fetchPage(url: string): Promise<ReadResult>;
  /** Closes pooled connections; call once ingest is done. */
  close(): Promise<void>;
}

/** What a single GET brought back, before decoding. */
export interface FetchedResponse {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

class FetchFailure extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_CRAWL_DELAY_MS = 30_000;

export function createFetcher(options: FetchOptions = {}): Fetcher {
  const settings = { ...DEFAULT_FETCH_OPTIONS, ...withoutUndefined(options) };
  const agent = new Agent({
    connect: { timeout: settings.connectTimeoutMs, lookup: createGuardedLookup(settings.allowPrivate, options.lookup) },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });
  const limiter = createHostRateLimiter(settings.requestsPerSecond);
  const cap = `response over ${formatCap(settings.maxBytes)} cap`;

  /** One GET of one URL after the per-host wait; the caller follows redirects. */
  async function get(url: URL, signal: AbortSignal): Promise<FetchedResponse> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // Literal IPs never reach the DNS lookup hook, so they are checked here.
    const refusal = isIP(host) ? refusalFor(host, settings.allowPrivate) : undefined;
    if (refusal) throw new FetchFailure(refusal);
    await limiter.wait(url.host);
    const response = await request(url, {
      dispatcher: agent,
      method: 'GET',
      signal,
      headers: {
        'user-agent': settings.userAgent,
        accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    return { url: url.href, status: response.statusCode, headers: response.headers, body: response.body };
  }

  /** GETs a URL, following redirects by hand so each hop passes the scheme, address and robots checks. */
  async function follow(start: string, signal: AbortSignal, checkRobots: boolean): Promise<FetchedResponse> {
    let url = parseUrl(start);
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchFailure(`unsupported URL scheme ${url.protocol} (only http and https)`);
      }
      if (checkRobots && settings.respectRobots && !(await robots.allows(url, signal))) {
        throw new FetchFailure(
          hop === 0 ? 'disallowed by robots.txt' : `redirect to ${url.href} disallowed by robots.txt`,
        );
      }
      const response = await get(url, signal);
      const location = headerValue(response.headers.location);
      if (!REDIRECTS.has(response.status) || !location) return response;
      await response.body.dump().catch(() => {});
      if (hop >= settings.maxRedirects) throw new FetchFailure(`too many redirects (over ${settings.maxRedirects})`);
      url = parseUrl(location, url);
    }
  }

  const robots = createRobotsCache({
    agentToken: 'lede',
    fetchText: async (url, signal) => {
      const response = await follow(url, signal, false);
      const ok = response.status >= 200 && response.status < 300;
      const text = ok
        ? Buffer.from(await readCappedBody(response.body, enc(response), 512 * 1024, cap)).toString()
        : '';
      if (!ok) await response.body.dump().catch(() => {});
      return { status: response.status, text };
    },
    onCrawlDelay: (host, seconds) => limiter.setCrawlDelay(host, Math.min(seconds * 1000, MAX_CRAWL_DELAY_MS)),
  });

  async function fetchPage(url: string): Promise<ReadResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    try {
      const response = await follow(url, controller.signal, true);
      if (response.status < 200 || response.status > 299) {
        await response.body.dump().catch(() => {});
        return { failure: { uri: url, reason: `HTTP ${response.status}` } };
      }
      const declaredLength = Number(headerValue(response.headers['content-length']));
      if (declaredLength > settings.maxBytes) {
        response.body.destroy();
        return { failure: { uri: url, reason: cap } };
      }
      const bytes = await readCappedBody(response.body, enc(response), settings.maxBytes, cap);
      return toRecord(url, response, bytes);
    } catch (error) {
      const reason = controller.signal.aborted
        ? `timed out after ${settings.timeoutMs / 1000} s`
        : describeError(error);
      return { failure: { uri: url, reason } };
    } finally {
      clearTimeout(timer);
    }
  }

  return { fetchPage, close: () => agent.close() };
}

function toRecord(uri: string, response: FetchedResponse, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { failure: { uri, reason: 'empty response' } };
  const contentType = headerValue(response.headers['content-type']) ?? '';
  const mediaType = chooseMediaType(contentType, bytes);
  if (!mediaType) return { failure: { uri, reason: `unsupported content type ${contentType.split(';')[0]}` } };
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  const decoded = decodeBytes(bytes, declared, mediaType === 'text/html');
  return {
    record: {
      uri,
      bytes,
      content: decoded.text,
      mediaType,
      charset: decoded.charset,
      charsetFrom: decoded.from,
      hints: response.url === uri ? undefined : { url: response.url },
      fetchedAt: new Date().toISOString(),
    },
  };
}

/** text/html, text/plain, or the XML type of a feed; undefined for anything lede cannot read. */
function chooseMediaType(contentType: string, bytes: Uint8Array): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'text/html';
  if (type === 'text/plain') return looksLikeHtml(bytes.subarray(0, 1024)) ? 'text/html' : 'text/plain';
  if (/^(application|text)\/([\w.+-]+\+)?xml$/.test(type)) return type;
  if (type === '' || type === 'application/octet-stream') {
    return looksLikeHtml(bytes.subarray(0, 1024)) ? 'text/html' : undefined;
  }
  return undefined;
}

function describeError(error: unknown): string {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof FetchFailure || cause instanceof RefusedAddressError || cause instanceof OverCapError) {
      return cause.message;
    }
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return `host not found (${(cause as { hostname?: string }).hostname ?? 'DNS lookup failed'})`;
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset by the server';
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'timed out while connecting';
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
      return 'timed out waiting for the server';
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'response body could not be decompressed';
    if ((typeof code === 'string' && code.startsWith('ERR_TLS')) || code === 'CERT_HAS_EXPIRED')
      return `TLS error: ${errorMessage(cause)}`;
    if (!(cause as { cause?: unknown }).cause) return errorMessage(cause);
  }
  return errorMessage(error);
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FetchFailure(`invalid URL ${JSON.stringify(text)}`);
  }
}

function enc(response: FetchedResponse): string | undefined {
  return headerValue(response.headers['content-encoding']);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function formatCap(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return Number.isInteger(mb) ? `${mb} MB` : formatBytes(bytes);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
