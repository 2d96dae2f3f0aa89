import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageFacts } from './page-facts.js';
import { findPublishedDate, fromUrl } from './published-date.js';

function publishedOf(html: string, url?: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  return findPublishedDate(document, readPageFacts(document, url));
}

describe('findPublishedDate', () => {
  it('takes a full date filed in the URL first', () => {
    const html = '<meta property="article:published_time" content="2023-02-14T02:00:00Z"><p>x</p>';
    expect(publishedOf(html, 'https://example.com/2023/02/13/story/')).toMatchObject({
      value: '2023-02-13',
      from: 'url',
    });
  });

  it('reads JSON-LD datePublished of a NewsArticle inside a @graph', () => {
    const html = `<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2021-05-06T08:00:00+02:00","dateModified":"2021-05-07"}]}</script>`;
    expect(publishedOf(html)).toMatchObject({ value: '2021-05-06T08:00', from: 'json-ld:datePublished' });
  });

  it('reads publication meta tags such as article:published_time, parsely and dc.date', () => {
    expect(publishedOf('<meta property="article:published_time" content="2020-01-02T10:00:00+01:00">')?.value).toBe(
      '2020-01-02T10:00',
    );
    expect(publishedOf('<meta name="parsely-pub-date" content="2020-03-04T10:00:00+01:00">')?.from).toBe(
      'meta:parsely-pub-date',
    );
    expect(publishedOf('<meta name="DC.date" content="2020-05-06">')?.value).toBe('2020-05-06');
  });

  it('prefers a local statement of the same moment over a UTC stamp a day off', () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}</script>
      <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">`;
    expect(publishedOf(html)?.value.slice(0, 10)).toBe('2019-10-19');
  });

  it('reads itemprop datePublished and the time element after the headline', () => {
    expect(publishedOf('<span itemprop="datePublished" content="2018-07-08">8 July</span>')?.value).toBe('2018-07-08');
    const html =
      '<aside><time datetime="2019-07-30">30 July</time></aside><h1>Story</h1><time datetime="2019-06-27">27 June</time>';
    expect(publishedOf(html)).toMatchObject({ value: '2019-06-27', from: 'time' });
  });

  it('falls back to a visible dateline and marks a date from running text as estimated', () => {
    expect(publishedOf('<div class="post-date">Posted on 12. März 2021</div>')).toMatchObject({
      value: '2021-03-12',
      from: 'visible:date-element',
    });
    expect(publishedOf('<h1>Title</h1><p>Written on 4 May 2017 by someone.</p>')).toMatchObject({
      value: '2017-05-04',
      estimated: true,
    });
  });

  it('returns nothing for a page without any date', () => {
    expect(publishedOf('<h1>Title</h1><p>No dates at all.</p>')).toBeUndefined();
  });
});

describe('fromUrl', () => {
  it('reads slashed, dashed and compact dates but not a year and month alone', () => {
    expect(fromUrl('https://a.com/news/2019/11/18/x.html')?.value).toBe('2019-11-18');
    expect(fromUrl('https://a.com/2020-02-17-story')?.value).toBe('2020-02-17');
    expect(fromUrl('https://a.com/story-20200217.html')?.value).toBe('2020-02-17');
    expect(fromUrl('https://a.com/news/2011/12/story/')).toBeUndefined();
  });
});
