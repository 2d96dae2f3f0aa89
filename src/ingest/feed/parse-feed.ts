import { DOMParser } from 'linkedom';

export interface FeedItem {
  /** The page the item points to, absolute when the feed gives a base to resolve it against. */
  link?: string;
  title?: string;
  /** ISO 8601 when the feed's date parses, else as the feed wrote it. */
  published?: string;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title?: string;
  items: FeedItem[];
}

type XmlElement = {
  localName: string;
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
};

/** Parses RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom; undefined when the XML is not a feed. */
export function parseFeed(xml: string, baseUrl?: string): Feed | undefined {
  let root: XmlElement | null | undefined;
  try {
    root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as XmlElement | null;
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const name = localNameOf(root);
  if (name === 'rss') {
    const channel = childrenNamed(root, 'channel')[0];
    if (!channel) return { format: 'rss', items: [] };
    const base = resolveUrl(textOf(channel, 'link'), baseUrl) ?? baseUrl;
    return {
      format: 'rss',
      title: textOf(channel, 'title'),
      items: childrenNamed(channel, 'item').map((item) => rssItem(item, base)),
    };
  }
  if (name === 'rdf') {
    const channel = childrenNamed(root, 'channel')[0];
    const base = resolveUrl(channel && textOf(channel, 'link'), baseUrl) ?? baseUrl;
    return {
      format: 'rdf',
      title: channel && textOf(channel, 'title'),
      items: childrenNamed(root, 'item').map((item) => rssItem(item, base)),
    };
  }
  if (name === 'feed') {
    const base = resolveUrl(root.getAttribute('xml:base') ?? atomLink(root), baseUrl) ?? baseUrl;
    return {
      format: 'atom',
      title: textOf(root, 'title'),
      items: childrenNamed(root, 'entry').map((entry) => ({
        link: resolveUrl(atomLink(entry), entry.getAttribute('xml:base') ?? base),
        title: textOf(entry, 'title'),
        published: normaliseDate(textOf(entry, 'published') ?? textOf(entry, 'updated')),
      })),
    };
  }
  return undefined;
}

function rssItem(item: XmlElement, base: string | undefined): FeedItem {
  const guid = childrenNamed(item, 'guid')[0];
  const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guid.textContent?.trim() : undefined;
  const link = textOf(item, 'link') ?? (permalink && /^https?:\/\//i.test(permalink) ? permalink : undefined);
  return {
    link: resolveUrl(link, base),
    title: textOf(item, 'title'),
    published: normaliseDate(textOf(item, 'pubDate') ?? textOf(item, 'date')),
  };
}

/** An Atom `<link>`: rel="alternate" (or no rel) preferred, HTML type preferred among those. */
function atomLink(element: XmlElement): string | undefined {
  const links = childrenNamed(element, 'link').filter((link) => link.getAttribute('href'));
  const alternates = links.filter((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((link) => /html/i.test(link.getAttribute('type') ?? 'text/html'));
  return (html ?? alternates[0])?.getAttribute('href') ?? undefined;
}

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const wanted = name.toLowerCase();
  return Array.from(element.children).filter((child) => localNameOf(child) === wanted);
}

function localNameOf(element: XmlElement): string {
  const tag = element.tagName ?? element.localName ?? '';
  return tag.slice(tag.indexOf(':') + 1).toLowerCase();
}

function textOf(element: XmlElement, name: string): string | undefined {
  const text = childrenNamed(element, name)[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function resolveUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

function normaliseDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}
