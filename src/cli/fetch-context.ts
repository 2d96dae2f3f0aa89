import type { ReadContext } from '../ingest/index.js';

export interface NetworkOptions {
  maxBytes?: number;
  allowPrivate?: boolean;
  /** Requests per second to any one host. */
  rate?: number;
  /** Seconds before a page fetch gives up. */
  timeout?: number;
}

/** The read context for a CLI run: limits, and URL fetching with the user's network options. Close it when done. */
export async function createFetchContext(options: NetworkOptions): Promise<ReadContext & { close(): Promise<void> }> {
  const { createFetcher } = await import('../ingest/index.js');
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const fetcher = createFetcher({
    allowPrivate: options.allowPrivate ?? false,
    requestsPerSecond: options.rate ?? 1,
    timeoutMs: (options.timeout ?? 15) * 1000,
    maxBytes,
  });
  return { maxDocumentBytes: maxBytes, fetchPage: fetcher.fetchPage, close: () => fetcher.close() };
}
