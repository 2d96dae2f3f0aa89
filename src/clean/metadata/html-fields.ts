import { normaliseLine } from '../lines.js';
import { articleObjects, firstMeta, jsonLdText, jsonLdTypes, type PageFacts } from './page-facts.js';

/** Separators between a page title and the outlet's name: `Headline | Outlet`, `Headline - Outlet`. */
const TITLE_SEPARATOR = /\s+[|–—·•»:-]\s+/;

/** The headline: og:title or JSON-LD headline, else the `<h1>`, else the `<title>` less its outlet suffix. */
export function findHeadline(document: Document, facts: PageFacts): string | undefined {
  const fromMeta = firstMeta(facts, ['og:title', 'twitter:title', 'headline', 'dc.title', 'title'])?.value;
  const fromJsonLd = articleObjects(facts)
    .map((object) => jsonLdText(object.headline))
    .find(Boolean);
  const h1 = normaliseLine(document.querySelector('h1')?.textContent ?? '');
  const candidates = [fromJsonLd, fromMeta].map((value) => (value ? normaliseLine(value) : undefined));
  // A meta title that is the h1 plus an outlet suffix is best read as the h1.
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (h1 && candidate.startsWith(h1) && candidate !== h1) return h1;
    return stripOutletSuffix(candidate, findOutlet(facts));
  }
  if (h1) return h1;
  const title = normaliseLine(facts.title ?? '');
  return title ? stripOutletSuffix(title, findOutlet(facts)) : undefined;
}

/** `Headline | Outlet` → `Headline` when the last part names the outlet or is short enough to be a name. */
export function stripOutletSuffix(title: string, outlet?: string): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1] as string;
  const named = outlet && comparable(last) === comparable(outlet);
  if (named || (last.split(' ').length <= 4 && last.length < (parts[0] as string).length)) {
    return title
      .slice(0, title.length - last.length)
      .replace(/\s+[|–—·•»:-]\s*$/, '')
      .trim();
  }
  return title;
}

/** The outlet: og:site_name, application-name, JSON-LD publisher, else the `| Outlet` suffix of the title. */
export function findOutlet(facts: PageFacts): string | undefined {
  const meta = firstMeta(facts, ['og:site_name', 'application-name', 'al:android:app_name', 'twitter:app:name:iphone']);
  // `Autoracing | F1 | Indy | MotoGP`: a site name followed by its beats.
  if (meta) return normaliseLine(meta.value).split(' | ')[0];
  for (const object of articleObjects(facts)) {
    const publisher = jsonLdText(object.publisher);
    if (publisher) return normaliseLine(publisher);
  }
  const organization = facts.jsonLd.find((object) =>
    jsonLdTypes(object).some((type) => /^(NewsMediaOrganization|Organization)$/.test(type)),
  );
  const name = organization ? jsonLdText(organization.name) : undefined;
  if (name) return normaliseLine(name);
  const parts = normaliseLine(facts.title ?? '').split(TITLE_SEPARATOR);
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  return last && last.split(' ').length <= 4 ? last : undefined;
}

/** The byline: JSON-LD author, author meta tags, `rel=author` or an element whose class says byline/author. */
export function findByline(document: Document, facts: PageFacts): string | undefined {
  for (const object of articleObjects(facts)) {
    const author = jsonLdText(object.author);
    if (author) return normaliseLine(author);
  }
  const meta = firstMeta(facts, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl']);
  if (meta && !/^https?:/.test(meta.value)) return normaliseLine(meta.value.replace(/^by\s+/i, ''));
  const element = document.querySelector(
    '[rel="author"], [itemprop="author"], .byline, .author, .article-author, .post-author, [class*="byline"]',
  );
  const text = normaliseLine(element?.textContent ?? '').replace(/^(by|von|par|por|di)\s+/i, '');
  return text && text.length <= 100 ? text : undefined;
}

/** Section tags: article:section and article:tag, JSON-LD articleSection, then breadcrumbs; deduplicated in order. */
export function findSections(document: Document, facts: PageFacts): string[] {
  const sections: string[] = [];
  const add = (value: string | undefined) => {
    const text = normaliseLine(value ?? '');
    if (text && text.length <= 60 && !sections.some((other) => other.toLowerCase() === text.toLowerCase()))
      sections.push(text);
  };
  for (const value of facts.meta.get('article:section') ?? []) add(value);
  for (const object of articleObjects(facts)) {
    const section = object.articleSection;
    for (const item of Array.isArray(section) ? section : [section]) if (typeof item === 'string') add(item);
  }
  for (const crumb of findBreadcrumbs(document, facts)) add(crumb);
  for (const value of facts.meta.get('article:tag') ?? []) add(value);
  return sections;
}

/** Breadcrumb trail names, without the leading `Home`: JSON-LD BreadcrumbList, else a breadcrumb element. */
export function findBreadcrumbs(document: Document, facts: PageFacts): string[] {
  const list = facts.jsonLd.find((object) => jsonLdTypes(object).includes('BreadcrumbList'));
  let names: string[] = [];
  if (list && Array.isArray(list.itemListElement)) {
    names = list.itemListElement
      .map((item) => {
        const record = item as Record<string, unknown>;
        return jsonLdText(record.name) ?? jsonLdText(record.item);
      })
      .filter((name): name is string => Boolean(name));
  } else {
    const element = document.querySelector(
      '[class*="breadcrumb"], [id*="breadcrumb"], nav[aria-label="breadcrumb"], [itemtype*="BreadcrumbList"]',
    );
    if (element) {
      const items = [...element.querySelectorAll('li, a')].map((item) => normaliseLine(item.textContent ?? ''));
      names = [...new Set(items.filter((item) => item && item.length <= 60))];
    }
  }
  const headline = normaliseLine(facts.meta.get('og:title')?.[0] ?? '');
  return names.filter(
    (name, index) => !(index === 0 && /^(home|start|startseite|accueil|inicio)$/i.test(name)) && name !== headline,
  );
}

/** The canonical URL: `<link rel=canonical>`, og:url, else the URL the page was fetched from; relative links resolved. */
export function findCanonicalUrl(facts: PageFacts): string | undefined {
  const value = facts.links.get('canonical') || firstMeta(facts, ['og:url'])?.value || facts.url;
  if (!value) return undefined;
  try {
    return new URL(value, facts.url).toString();
  } catch {
    return /^https?:\/\//.test(value) ? value : facts.url;
  }
}

/** The language: `<html lang>`, else content-language or og:locale, as a lower-case primary tag with region (`en`, `pt-br`). */
export function findLanguage(facts: PageFacts): string | undefined {
  const value =
    facts.htmlLang ||
    firstMeta(facts, ['content-language', 'language', 'dc.language', 'og:locale'])?.value ||
    jsonLdText(articleObjects(facts)[0]?.inLanguage);
  if (!value) return undefined;
  const tag = value
    .trim()
    .split(/[,;\s]/)[0]
    ?.replace('_', '-')
    .toLowerCase();
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
}

/** Figure captions (`<figcaption>`, or a caption class inside a figure), without their credit lines, in order. */
export function findCaptions(document: Document): string[] {
  const captions: string[] = [];
  for (const element of document.querySelectorAll('figcaption, figure [class*="caption"]')) {
    const text = normaliseLine(element.textContent ?? '');
    if (text && text.length <= 500 && !captions.includes(text)) captions.push(text);
  }
  return captions;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
