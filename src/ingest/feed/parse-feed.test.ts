import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with CDATA titles, relative links and guid permalinks', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
  <title>Daily &amp; Weekly</title><link>https://news.example/</link>
  <item><title><![CDATA[Talks <em>resume</em> in Geneva]]></title><link>/world/talks</link>
    <pubDate>Mon, 13 Feb 2023 11:41:00 +0100</pubDate></item>
  <item><title>Only a guid</title><guid>https://news.example/guid-page</guid><dc:date>2023-02-12</dc:date></item>
  <item><title>Opaque guid</title><guid isPermaLink="false">tag:news.example,2023:7</guid></item>
</channel></rss>`);
    expect(feed).toEqual({
      format: 'rss',
      title: 'Daily & Weekly',
      items: [
        {
          link: 'https://news.example/world/talks',
          title: 'Talks <em>resume</em> in Geneva',
          published: '2023-02-13T10:41:00.000Z',
        },
        { link: 'https://news.example/guid-page', title: 'Only a guid', published: '2023-02-12T00:00:00.000Z' },
        { link: undefined, title: 'Opaque guid', published: undefined },
      ],
    });
  });

  it('reads Atom entries, preferring the alternate HTML link over self and enclosure links', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
  <title type="text">Field notes</title>
  <entry><title>First</title><link rel="self" href="/api/1"/><link rel="enclosure" href="/a.mp3"/>
    <link rel="alternate" type="text/html" href="posts/1"/><updated>2023-02-14T08:00:00Z</updated></entry>
  <entry><title>Second</title><link href="https://other.example/2"/><published>2023-02-15T09:30:00Z</published>
    <updated>2023-03-01T00:00:00Z</updated></entry>
</feed>`);
    expect(feed?.format).toBe('atom');
    expect(feed?.title).toBe('Field notes');
    expect(feed?.items).toEqual([
      { link: 'https://blog.example/posts/1', title: 'First', published: '2023-02-14T08:00:00.000Z' },
      { link: 'https://other.example/2', title: 'Second', published: '2023-02-15T09:30:00.000Z' },
    ]);
  });

  it('reads RSS 1.0 (RDF) items, which sit beside the channel', () => {
    const feed =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel><title>RDF news</title><link>https://rdf.example/</link></channel>
  <item><title>One</title><link>https://rdf.example/1</link></item></rdf:RDF>`);
    expect(feed).toMatchObject({
      format: 'rdf',
      title: 'RDF news',
      items: [{ link: 'https://rdf.example/1', title: 'One' }],
    });
  });

  it('returns undefined for XML that is not a feed, and for garbage', () => {
    expect(parseFeed('<urlset><url><loc>https://x.example/</loc></url></urlset>')).toBeUndefined();
    expect(parseFeed('\u0000\u0001 not xml <<<')).toBeUndefined();
  });

  it('keeps a date it cannot parse as written', () => {
    const feed = parseFeed(
      '<rss><channel><item><link>https://a.example/</link><pubDate>sometime soon</pubDate></item></channel></rss>',
    );
    expect(feed?.items[0]?.published).toBe('sometime soon');
  });
});
