import { errorMessage } from '../../errors.js';
import { looksLikeFeed, readFeedBytes } from '../feed/index.js';
import type { ReadContext } from '../reader.js';
import type { ReadResult } from '../record.js';

/**
 * A URL given on the command line: the page itself, or, when it serves an RSS or Atom feed, the
 * pages of the feed's items (each fetched through the same guarded fetcher).
 */
export async function* readUrl(url: string, context: ReadContext): AsyncIterable<ReadResult> {
  if (!context.fetchPage) {
    yield { failure: { uri: url, reason: 'fetching URLs is not available here' } };
    return;
  }
  const result = await context
    .fetchPage(url)
    .catch((error) => ({ failure: { uri: url, reason: errorMessage(error) } }));
  if ('failure' in result) {
    yield result;
    return;
  }
  const { record } = result;
  const isXml = /xml/.test(record.mediaType);
  if (record.bytes && (isXml || looksLikeFeed(record.bytes.subarray(0, 8192)))) {
    const charset = record.charsetFrom === 'header' ? record.charset : undefined;
    yield* readFeedBytes(url, record.bytes, context, { charset, baseUrl: record.hints?.url ?? url });
    return;
  }
  if (isXml) {
    yield { failure: { uri: url, reason: `${record.mediaType} that is not an RSS or Atom feed` } };
    return;
  }
  yield result;
}
