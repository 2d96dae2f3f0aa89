import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  findBreadcrumbs,
  findByline,
  findCanonicalUrl,
  findCaptions,
  findHeadline,
  findLanguage,
  findOutlet,
  findSections,
  stripOutletSuffix,
} from './html-fields.js';
import { readPageFacts } from './page-facts.js';

function page(head: string, body = '', url?: string) {
  const { document } = parseHTML(
    `<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`,
  ) as unknown as { document: Document };
  return { document, facts: readPageFacts(document, url) };
}

describe('findHeadline', () => {
  it('prefers og:title, read as the h1 when it is the h1 plus an outlet suffix', () => {
    const { document, facts } = page(
      '<meta property="og:title" content="Storm hits coast | Daily Planet">',
      '<h1>Storm hits coast</h1>',
    );
    expect(findHeadline(document, facts)).toBe('Storm hits coast');
  });

  it('falls back to the title without its outlet suffix', () => {
    const { document, facts } = page('<title>Storm hits the northern coast - Daily Planet</title>');
    expect(findHeadline(document, facts)).toBe('Storm hits the northern coast');
  });
});

describe('stripOutletSuffix', () => {
  it('keeps a title whose last part is long, since that is no outlet name', () => {
    expect(stripOutletSuffix('Markets: what the rate rise means for your savings')).toBe(
      'Markets: what the rate rise means for your savings',
    );
  });
});

describe('findOutlet', () => {
  it('reads og:site_name, JSON-LD publisher and the title suffix in that order', () => {
    expect(findOutlet(page('<meta property="og:site_name" content="Daily Planet">').facts)).toBe('Daily Planet');
    expect(findOutlet(page('<meta property="og:site_name" content="Autoracing | F1 | Indy">').facts)).toBe(
      'Autoracing',
    );
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Planet News"}}</script>';
    expect(findOutlet(page(jsonLd).facts)).toBe('Planet News');
    expect(findOutlet(page('<title>Storm hits coast | Metro Times</title>').facts)).toBe('Metro Times');
  });
});

describe('findByline', () => {
  it('reads the JSON-LD author list and the author meta tag without its "By"', () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ann Lee"},{"name":"Bo Chan"}]}</script>';
    expect(findByline(page(jsonLd).document, page(jsonLd).facts)).toBe('Ann Lee, Bo Chan');
    const { document, facts } = page('<meta name="author" content="By Clark Kent">');
    expect(findByline(document, facts)).toBe('Clark Kent');
  });
});

describe('findSections', () => {
  it('collects article:section, JSON-LD articleSection, breadcrumbs and tags without repeats', () => {
    const head = `<meta property="article:section" content="World"><meta property="article:tag" content="Iraq"><meta property="article:tag" content="world">
      <script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"name":"Home"},{"name":"World"},{"name":"Middle East"}]}</script>`;
    const { document, facts } = page(head);
    expect(findSections(document, facts)).toEqual(['World', 'Middle East', 'Iraq']);
  });

  it('reads a breadcrumb trail from the markup when there is no JSON-LD', () => {
    const { document, facts } = page(
      '',
      '<ol class="breadcrumb"><li><a>Home</a></li><li><a>Sport</a></li><li><a>Tennis</a></li></ol>',
    );
    expect(findBreadcrumbs(document, facts)).toEqual(['Sport', 'Tennis']);
  });
});

describe('findCanonicalUrl and findLanguage', () => {
  it('resolves a relative canonical link against the page URL', () => {
    const { facts } = page('<link rel="canonical" href="/news/story-1">', '', 'https://example.com/news/story-1?utm=x');
    expect(findCanonicalUrl(facts)).toBe('https://example.com/news/story-1');
  });

  it('reads the html lang attribute as a lower-case tag', () => {
    expect(findLanguage(page('').facts)).toBe('en-gb');
  });
});

describe('findCaptions', () => {
  it('lists figure captions once each, in order', () => {
    const body =
      '<figure><img><figcaption>Flooded streets in Basra.</figcaption></figure><figure><figcaption>Flooded streets in Basra.</figcaption></figure><figure><div class="image-caption">A rescue boat.</div></figure>';
    expect(findCaptions(page('', body).document)).toEqual(['Flooded streets in Basra.', 'A rescue boat.']);
  });
});
