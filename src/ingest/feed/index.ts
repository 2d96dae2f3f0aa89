/**
 * ingest/feed: RSS 2.0, RSS 1.0 (RDF) and Atom feeds, as files (`.rss`/`.atom`, or sniffed by
 * their root element) or URLs. Each item's page is fetched through ReadContext.fetchPage and
 * becomes a record `feed#<link>` with the item's title and date (ISO 8601) as hints; relative links
 * are resolved against the feed. A missing page or a linkless item is a failure for that item alone.
 * Parsed with linkedom's lenient XML mode, so slightly broken feeds still yield their items.
 * Known limits: item content (`content:encoded`) is not used in place of the page.
 * Tested against a local server: `npx vitest run src/ingest/feed`.
 */
export { type Feed, type FeedItem, parseFeed } from './parse-feed.js';
export { feedReader, looksLikeFeed, readFeedBytes } from './read-feed.js';
