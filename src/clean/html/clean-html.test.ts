import { describe, expect, it } from 'vitest';
import { toRawOffset } from '../../model/index.js';
import { cleanHtml } from './clean-html.js';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the report tells how the river rose overnight and how the town council met at dawn to decide on the evacuation of the lower districts.</p>`;

const PAGE = `<!doctype html><html lang="en"><head>
  <title>River floods town | Valley Herald</title>
  <meta property="og:site_name" content="Valley Herald">
  <meta property="article:published_time" content="2023-02-13T11:41:00+01:00">
  <meta property="article:section" content="Local">
  <link rel="canonical" href="https://valley.example/news/river-floods-town">
</head><body>
  <nav><a href="/">Home</a><a href="/local">Local</a></nav>
  <article>
    <h1>River floods town</h1>
    <div class="byline">By Jane Roe</div>
    <div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
    ${paragraph(1)}${paragraph(2)}
    <figure><img src="x.jpg"><figcaption>The flooded market square (Photo by Ana Diaz)</figcaption></figure>
    <h2>Council meets at dawn</h2>
    ${paragraph(3)}${paragraph(4)}
    <p>Advertisement</p>
    ${paragraph(5)}
    <div class="related-stories"><h3>Related</h3><ul><li><a>Storm warning issued</a></li></ul></div>
    <div class="newsletter-signup"><p>Sign up for our daily newsletter and never miss a story.</p></div>
  </article>
  <footer>© 2023 Valley Herald. All rights reserved.</footer>
</body></html>`;

describe('cleanHtml', () => {
  const result = cleanHtml(PAGE, { url: 'https://valley.example/news/river-floods-town?ref=home' });

  it('keeps the article paragraphs and subheads, separated by blank lines', () => {
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^Paragraph 1 of the report/);
    expect(paragraphs[2]).toBe('Council meets at dawn');
    expect(paragraphs[5]).toMatch(/^Paragraph 5/);
  });

  it('leaves out navigation, headline, byline, share bar, caption, ads, related links, newsletter and footer', () => {
    for (const furniture of [
      'Home',
      'River floods town',
      'Jane Roe',
      'Facebook',
      'flooded market',
      'Advertisement',
      'Storm warning',
      'newsletter',
      'rights reserved',
    ])
      expect(result.text).not.toContain(furniture);
  });

  it('maps every clean offset back into the extracted text', () => {
    const at = result.text.indexOf('Council meets');
    const raw = toRawOffset(result.origin, at);
    expect(result.extracted.slice(raw, raw + 'Council meets'.length)).toBe('Council meets');
    expect(result.extracted.split('\n')).toHaveLength(6);
  });

  it('reads the metadata the page states about itself', () => {
    expect(result.meta).toMatchObject({
      headline: 'River floods town',
      outlet: 'Valley Herald',
      published: { value: '2023-02-13T11:41', from: 'meta:article:published_time' },
      sections: ['Local'],
      canonicalUrl: 'https://valley.example/news/river-floods-town',
      declaredLanguage: 'en',
      captions: ['The flooded market square (Photo by Ana Diaz)'],
      subheads: ['Council meets at dawn'],
    });
    expect(result.meta.byline).toBe('Jane Roe');
    expect(result.meta.boilerplate).toContain('Advertisement');
  });

  it('falls back to the page text when Readability finds no article, and warns on an empty page', () => {
    const short = cleanHtml(
      '<html><body><div><p>A short notice of two lines.</p><p>Second line.</p></div></body></html>',
    );
    expect(short.text).toBe('A short notice of two lines.\n\nSecond line.');
    const empty = cleanHtml('<html><head><title>x</title></head><body></body></html>');
    expect(empty.text).toBe('');
    expect(empty.messages[0]?.ruleId).toBe('empty-after-clean');
  });
});
