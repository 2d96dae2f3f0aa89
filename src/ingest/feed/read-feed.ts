import { errorMessage } from '../../errors.js';
import { decodeBytes } from '../charset/index.js';
import type { InputFile, ReadContext, Reader } from '../reader.js';
import type { ReadResult } from '../record.js';
import { extensionOf, headText, isGzip, looksBinary } from '../sniff.js';
import { formatBytes } from '../text/index.js';
import { parseFeed } from './parse-feed.js';

/** RSS and Atom feed files: `.rss`/`.atom`, or any file whose first element is `<rss`, `<feed` or `<rdf:RDF`. */
export const feedReader: Reader = {
  name: 'feed',
  accepts: (file) =>
    !isGzip(file.head) && (['rss', 'atom'].includes(extensionOf(file.path)) || looksLikeFeed(file.head)),
  read: readFeedFile,
};

/** True when the first element, after an XML declaration, comments and processing instructions, is a feed's. */
export function looksLikeFeed(head: Uint8Array): boolean {
  const text = headText(head).replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*/i, '');
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(text);
}

async function* readFeedFile(file: InputFile, context: ReadContext): AsyncIterable<ReadResult> {
  if (file.size === 0) {
    yield { failure: { uri: file.path, reason: 'empty file' } };
    return;
  }
  if (file.size > context.maxDocumentBytes) {
    yield {
      failure: {
        uri: file.path,
        reason: `feed is ${formatBytes(file.size)}, over the ${formatBytes(context.maxDocumentBytes)} limit for one document (--max-bytes)`,
      },
    };
    return;
  }
  if (looksBinary(file.head)) {
    yield { failure: { uri: file.path, reason: 'binary file: not an RSS or Atom feed' } };
    return;
  }
  yield* readFeedBytes(file.path, await file.readAll(), context);
}

/**
 * Fetches every item's page of a feed, each a record `feed#<link>` with the item's title and date as
 * hints. A page that cannot be fetched is a failure for that item alone.
 */
export async function* readFeedBytes(
  uri: string,
  bytes: Uint8Array,
  context: ReadContext,
  options: { charset?: string; baseUrl?: string } = {},
): AsyncIterable<ReadResult> {
  const decoded = decodeBytes(bytes, options.charset ?? xmlEncoding(bytes));
  const feed = parseFeed(decoded.text, options.baseUrl);
  if (!feed) {
    yield { failure: { uri, reason: 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)' } };
    return;
  }
  if (feed.items.length === 0) {
    yield { failure: { uri, reason: `${feed.format === 'atom' ? 'Atom' : 'RSS'} feed has no items` } };
    return;
  }
  const { fetchPage } = context;
  if (!fetchPage) {
    yield {
      failure: { uri, reason: `feed has ${feed.items.length} items, but fetching their pages is not available here` },
    };
    return;
  }
  const seen = new Set<string>();
  for (const [index, item] of feed.items.entries()) {
    if (!item.link || !/^https?:\/\//i.test(item.link)) {
      const what = item.link ? `a link that is not http(s): ${item.link}` : 'no link';
      yield {
        failure: { uri: `${uri}#item-${index + 1}`, reason: `item ${JSON.stringify(item.title ?? '')} has ${what}` },
      };
      continue;
    }
    if (seen.has(item.link)) continue;
    seen.add(item.link);
    const itemUri = `${uri}#${item.link}`;
    const page = await fetchPage(item.link).catch((error) => ({
      failure: { uri: item.link!, reason: errorMessage(error) },
    }));
    if ('failure' in page) {
      yield { failure: { uri: itemUri, reason: page.failure.reason } };
    } else if (page.record.mediaType !== 'text/html' && page.record.mediaType !== 'text/plain') {
      yield { failure: { uri: itemUri, reason: `item link is ${page.record.mediaType}, not a page` } };
    } else {
      const hints = { url: page.record.hints?.url ?? item.link, title: item.title, published: item.published };
      yield { record: { ...page.record, uri: itemUri, hints } };
    }
  }
}

/** The encoding an `<?xml ... encoding="..."?>` declaration names. */
export function xmlEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
}
