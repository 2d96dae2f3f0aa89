import type { DatedValue } from '../../model/index.js';
import { normaliseLine } from '../lines.js';
import { dateCueBefore } from './date-cues.js';
import { type DateBounds, DEFAULT_BOUNDS, type FoundDate, findDates, parseDateText, toDay } from './date-text.js';
import { articleObjects, type PageFacts } from './page-facts.js';

/** Meta keys that state the publication date, most trusted first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'dc:date',
  'citation_publication_date',
  'citation_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'publication-date',
  'date',
  'date_published',
  'article.published',
  'article_date_original',
  'cxenseparse:recs:publishtime',
  'originalpublicationdate',
  'og:pubdate',
  'pub_date',
  'created',
  'date.created',
  'creation_date',
  'release_date',
  'bt:pubdate',
  'displaydate',
  'timestamp',
  'nv:date',
  'last-modified',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'lastmod'];

/** Class or id words of elements that hold a visible publication date. */
const DATE_HOLDER =
  /(^|[\s_-])(date|dates|datum|time|timestamp|published|pubdate|posted|post-meta|entry-meta|meta|byline|dateline|article-info|info|fecha|data)([\s_-]|$)/i;

/** A date read from one place in the page. */
interface Candidate {
  found: FoundDate;
  from: string;
}

/**
 * The publication day of an HTML page. A full date in the URL wins: it is what the site filed the
 * story under, while stamps in the page are often UTC and a day off. Otherwise, in order of trust:
 * JSON-LD `datePublished`, publication meta tags, `datePublished` microdata, `<time>` elements,
 * dates in elements whose class names a date, creation and modification stamps, dates quoted in
 * scripts, and last the first date in the visible text near the headline (`estimated`).
 * A UTC stamp gives way to a local statement of the same moment, which carries the local day.
 */
export function findPublishedDate(
  document: Document,
  facts: PageFacts,
  bounds: DateBounds = DEFAULT_BOUNDS,
): DatedValue | undefined {
  const url = fromUrl(facts.url, bounds);
  if (url) return url;
  const sources: (() => Candidate[])[] = [
    () => fromJsonLd(facts, 'datePublished', bounds),
    () => fromMeta(facts, PUBLISHED_META, bounds),
    () => fromItemprop(document, bounds),
    () => fromTimeElements(document, bounds),
    () => fromDateHolders(document, bounds),
    () => fromJsonLd(facts, 'dateCreated', bounds),
    () => fromJsonLd(facts, 'dateModified', bounds),
    () => fromMeta(facts, MODIFIED_META, bounds),
    () => fromScripts(document, bounds),
  ];
  const candidates: Candidate[] = [];
  for (const source of sources) {
    candidates.push(...source());
    const best = candidates[0];
    if (best && best.found.zone !== 'utc') return dated(best.found, best.from);
  }
  const best = candidates[0];
  if (best) {
    const local = candidates.find(
      (other) =>
        other.found.zone !== 'utc' &&
        // A visible date is the reader's local day; a bare day in an attribute may be a cut UTC stamp.
        (other.found.time !== undefined || other.from === 'itemprop:visible') &&
        /^(meta|itemprop|json-ld)/.test(other.from) &&
        isNextDay(best.found.day, other.found.day),
    );
    return local ? dated(local.found, `${local.from}+local`) : dated(best.found, best.from);
  }
  const text = fromText(document, bounds);
  return text ? dated(text.found, text.from, true) : undefined;
}

/** Whether two days are one apart, as a UTC and a local stamp of one moment can be. */
function isNextDay(a: string, b: string): boolean {
  return Math.abs(Date.parse(a) - Date.parse(b)) === 86_400_000;
}

function dated(found: FoundDate, from: string, estimated = false): DatedValue {
  return { value: found.time ? `${found.day}T${found.time}` : found.day, estimated, from };
}

function fromJsonLd(facts: PageFacts, key: string, bounds: DateBounds): Candidate[] {
  const candidates: Candidate[] = [];
  for (const object of articleObjects(facts)) {
    const value = object[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text !== 'string') continue;
    const found = parseDateText(text, bounds);
    if (found) candidates.push({ found, from: `json-ld:${key}` });
  }
  return candidates;
}

function fromMeta(facts: PageFacts, keys: readonly string[], bounds: DateBounds): Candidate[] {
  const candidates: Candidate[] = [];
  for (const key of keys) {
    for (const value of facts.meta.get(key) ?? []) {
      const found = parseDateText(value, bounds);
      if (found) candidates.push({ found, from: `meta:${key}` });
    }
  }
  return candidates;
}

/** Microdata and RDFa: `itemprop="datePublished"`, `property="schema:dateCreated"` on any element. */
function fromItemprop(document: Document, bounds: DateBounds): Candidate[] {
  const candidates: Candidate[] = [];
  const selector =
    '[itemprop="datePublished"], [itemprop="datepublished"], [property$="datePublished"], [property$="dateCreated"]';
  for (const element of document.querySelectorAll(selector)) {
    const stamp = element.getAttribute('content') ?? element.getAttribute('datetime');
    const found = parseDateText(stamp ?? element.textContent ?? '', bounds);
    if (found) candidates.push({ found, from: stamp ? 'itemprop:datePublished' : 'itemprop:visible' });
  }
  return candidates;
}

/**
 * `<time>` elements, nearest after a headline first (sidebars and comment lists have times of
 * their own, and the first `<h1>` is often the site logo); one marked as the publication time
 * (`pubdate`, `published`) counts as four times nearer. Times marked as updates are left out.
 */
function fromTimeElements(document: Document, bounds: DateBounds): Candidate[] {
  let lastHeadline = -1;
  const times: { element: Element; rank: number }[] = [];
  [...document.querySelectorAll('h1, time')].forEach((element, index) => {
    if (element.tagName === 'H1') {
      lastHeadline = index;
      return;
    }
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`.toLowerCase();
    if (/modif|updat/.test(names) && !/publish/.test(names)) return;
    const marked = element.hasAttribute('pubdate') || /publish|posted|created/.test(names);
    const distance = lastHeadline >= 0 ? index - lastHeadline : 500 + index;
    times.push({ element, rank: marked ? distance / 4 : distance });
  });
  const candidates: Candidate[] = [];
  for (const { element } of times.sort((a, b) => a.rank - b.rank)) {
    const found =
      parseDateText(element.getAttribute('datetime') ?? '', bounds) ?? parseDateText(element.textContent ?? '', bounds);
    if (found) candidates.push({ found, from: 'time' });
  }
  return candidates;
}

/** `/2023/02/13/`, `/2023-02-13-`, `/20230213/`; a year and month alone is not a day. */
export function fromUrl(url: string | undefined, bounds: DateBounds = DEFAULT_BOUNDS): DatedValue | undefined {
  if (!url) return undefined;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const patterns = [
    /(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)/,
    /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/,
    /(?<!\d)(\d{1,2})[/_-](\d{1,2})[/_-]((?:19|20)\d{2})(?!\d)/,
  ];
  for (const [index, pattern] of patterns.entries()) {
    const match = pattern.exec(path);
    if (!match) continue;
    const parts = match.slice(1, 4).map(Number) as [number, number, number];
    const day = toDay(index === 2 ? [parts[2], parts[1], parts[0]] : parts, bounds);
    if (day) return { value: day, estimated: false, from: 'url' };
  }
  return undefined;
}

function fromDateHolders(document: Document, bounds: DateBounds): Candidate[] {
  for (const element of document.querySelectorAll('[class], [id]')) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!DATE_HOLDER.test(names) || /modif|updat|comment/i.test(names)) continue;
    const text = element.textContent ?? '';
    if (text.length > 300) continue;
    const found = pickTextDate(text, findDates(text, bounds));
    if (found) return [{ found, from: 'visible:date-element' }];
  }
  return [];
}

/** Publication stamps that page scripts carry as data: `"published_at":"2019-03-02T06:22:28"`. */
const SCRIPT_STAMP =
  /["']?(?:datePublished|date_published|published_at|publishedAt|publishDate|publish_date|pubDate|firstPublished|first_published_at|created_at|createdAt|dateCreated)["']?\s*[:=]\s*["']([^"']{8,40})["']/g;

function fromScripts(document: Document, bounds: DateBounds): Candidate[] {
  for (const script of document.querySelectorAll('script')) {
    const text = script.textContent ?? '';
    for (const match of text.matchAll(SCRIPT_STAMP)) {
      const found = parseDateText(match[1] ?? '', bounds);
      if (found) return [{ found, from: 'script' }];
    }
  }
  return [];
}

/**
 * A date from running text: one introduced as the publication date (`Erschienen am`, `Posted on`)
 * first, then one opening a dateline, then one just around the headline, then the first after the
 * headline that is not introduced as an update, then the first.
 */
function fromText(document: Document, bounds: DateBounds): Candidate | undefined {
  // linkedom leaves a fragment without <html>/<body> outside the body it makes up.
  const body = document.body?.textContent?.trim() ? document.body : document.documentElement;
  if (!body) return undefined;
  const text = visibleText(body);
  const headline = normaliseLine(document.querySelector('h1')?.textContent ?? '');
  const found = pickTextDate(text, findDates(text, bounds), headline ? text.indexOf(headline) : -1);
  return found ? { found, from: 'visible:text' } : undefined;
}

export function pickTextDate(text: string, dates: FoundDate[], headlineAt = -1): FoundDate | undefined {
  const cueOf = (date: FoundDate) => dateCueBefore(text.slice(Math.max(0, date.index - 40), date.index));
  // `January 18, 2020 PARIS (Reuters) -`: a date that opens a dateline is the story's own.
  const opensDateline = (date: FoundDate) =>
    /^\s*[-–—|]?\s*\p{Lu}{3,}(?:[\s-]\p{Lu}{3,})*\s*(?:\(|,|[-–—])/u.test(
      text.slice(date.index + date.length, date.index + date.length + 40),
    );
  const nearHeadline = (date: FoundDate) =>
    headlineAt >= 0 && date.index > headlineAt - 150 && date.index < headlineAt + 600 && cueOf(date) !== 'updated';
  return (
    dates.find((date) => cueOf(date) === 'published') ??
    dates.find(opensDateline) ??
    dates.find(nearHeadline) ??
    dates.find((date) => date.index > headlineAt && headlineAt >= 0 && cueOf(date) !== 'updated') ??
    dates.find((date) => cueOf(date) !== 'updated') ??
    dates[0]
  );
}

function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('script, style, noscript, template')) hidden.remove();
  return normaliseLine(clone.textContent ?? '');
}
