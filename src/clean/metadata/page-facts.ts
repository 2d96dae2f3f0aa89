/**
 * What a page says of itself in machine-readable form, read once: `<meta>` tags by lower-cased
 * name/property/itemprop, JSON-LD objects (flattened out of `@graph` and arrays), the `<title>`,
 * `<link rel>` targets and the `<html lang>`. The field readers in this folder work on this.
 */
export interface PageFacts {
  meta: Map<string, string[]>;
  jsonLd: Record<string, unknown>[];
  title?: string;
  links: Map<string, string>;
  htmlLang?: string;
  url?: string;
}

export function readPageFacts(document: Document, url?: string): PageFacts {
  const meta = new Map<string, string[]>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      element.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = (element.getAttribute('content') ?? element.getAttribute('value') ?? '').trim();
    if (!key || !content) continue;
    const values = meta.get(key) ?? [];
    values.push(content);
    meta.set(key, values);
  }
  const links = new Map<string, string>();
  for (const element of document.querySelectorAll('link[rel][href]')) {
    const rel = (element.getAttribute('rel') ?? '').toLowerCase();
    if (!links.has(rel)) links.set(rel, element.getAttribute('href') ?? '');
  }
  const jsonLd: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const parsed = parseJsonLenient(script.textContent ?? '');
    if (parsed !== undefined) flattenJsonLd(parsed, jsonLd, 0);
  }
  const title = document.querySelector('title')?.textContent ?? undefined;
  const htmlLang = document.documentElement?.getAttribute('lang') ?? undefined;
  return { meta, jsonLd, title, links, htmlLang, url };
}

/** First value of the first listed meta key that the page has. */
export function firstMeta(facts: PageFacts, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = facts.meta.get(key)?.[0];
    if (value) return { key, value };
  }
  return undefined;
}

function parseJsonLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Raw line breaks inside strings and trailing commas are the usual faults of hand-written JSON-LD.
      return JSON.parse(trimmed.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function flattenJsonLd(value: unknown, into: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) flattenJsonLd(item, into, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  into.push(object);
  if (object['@graph']) flattenJsonLd(object['@graph'], into, depth + 1);
  if (object.mainEntity) flattenJsonLd(object.mainEntity, into, depth + 1);
}

/** JSON-LD `@type` names of an object, as a list. */
export function jsonLdTypes(object: Record<string, unknown>): string[] {
  const type = object['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === 'string');
  return [];
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|VideoObject|BackgroundNewsArticle|ReviewNewsArticle|Review|Blog|PressRelease)$/;

/** JSON-LD objects that describe the page's article (or, failing those, the page). */
export function articleObjects(facts: PageFacts): Record<string, unknown>[] {
  const articles = facts.jsonLd.filter((object) => jsonLdTypes(object).some((type) => ARTICLE_TYPES.test(type)));
  const rank = (object: Record<string, unknown>) => (jsonLdTypes(object).includes('WebPage') ? 1 : 0);
  return articles.sort((a, b) => rank(a) - rank(b));
}

/** A JSON-LD value as text: strings as they are, `{name}` objects by name, lists joined. */
export function jsonLdText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(jsonLdText).filter((part): part is string => Boolean(part));
    return parts.length ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object') {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? name.trim() || undefined : undefined;
  }
  return undefined;
}
