/**
 * Bounds the element tree a page can build before it is parsed. Readability and the metadata readers
 * read `textContent` at every level, so their cost grows with depth × elements: 10,000 nested `<div>`s
 * took 2 s, 20,000 took 10 s, 100,000 minutes. Beyond the caps, tags are dropped and their text is
 * kept, which flattens the excess into the deepest kept element, as browsers do past a depth of 512.
 */

export interface MarkupCaps {
  maxDepth: number;
  maxElements: number;
}

/** Browsers flatten the tree past 512 levels; a news page uses a few dozen and a few thousand elements. */
export const DEFAULT_MARKUP_CAPS: MarkupCaps = { maxDepth: 512, maxElements: 50_000 };

export interface CappedMarkup {
  /** The markup, unchanged (the same string) when no cap was reached. */
  html: string;
  /** Opening tags dropped for being nested deeper than `maxDepth`. */
  tooDeep: number;
  /** Opening tags dropped after `maxElements` elements. */
  tooMany: number;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is text up to their closing tag, never markup. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Elements that an opening tag of the same name closes (`<p>a<p>b` is two siblings, not nesting). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
/** How far down the open elements a closing tag looks for its match; beyond, it is treated as stray. */
const CLOSE_SEARCH = 64;

interface OpenElement {
  name: string;
  kept: boolean;
}

/** Caps the depth and number of elements of `html` in one pass over the string. */
export function capMarkup(html: string, caps: MarkupCaps = DEFAULT_MARKUP_CAPS): CappedMarkup {
  const open: OpenElement[] = [];
  const dropped: [number, number][] = [];
  let elements = 0;
  let tooDeep = 0;
  let tooMany = 0;
  let at = html.indexOf('<');
  while (at >= 0 && at < html.length) {
    const tag = readTag(html, at);
    if (!tag) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    let next = tag.end;
    if (tag.kind === 'open') {
      const top = open[open.length - 1];
      if (top && top.name === tag.name && SELF_CLOSING_SIBLINGS.has(tag.name)) open.pop();
      if (!VOID_ELEMENTS.has(tag.name) && !tag.selfClosing) {
        elements++;
        const deep = open.length >= caps.maxDepth;
        const many = elements > caps.maxElements;
        if (deep) tooDeep++;
        else if (many) tooMany++;
        open.push({ name: tag.name, kept: !deep && !many });
        if (deep || many) dropped.push([at, tag.end]);
      } else if (elements > caps.maxElements) {
        tooMany++;
        dropped.push([at, tag.end]);
      }
      if (RAW_TEXT_ELEMENTS.has(tag.name)) next = rawTextEnd(html, tag.end, tag.name);
    } else if (tag.kind === 'close') {
      const match = findOpen(open, tag.name);
      if (match >= 0) {
        const kept = (open[match] as OpenElement).kept;
        open.length = match;
        if (!kept) dropped.push([at, tag.end]);
      }
    }
    at = html.indexOf('<', next);
  }
  if (dropped.length === 0) return { html, tooDeep, tooMany };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of dropped) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), tooDeep, tooMany };
}

interface Tag {
  kind: 'open' | 'close' | 'other';
  name: string;
  end: number;
  selfClosing: boolean;
}

/** The tag starting at `<`, or undefined when the `<` is text. Attribute values may hold `>`. */
function readTag(html: string, at: number): Tag | undefined {
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    return { kind: 'other', name: '', end: close < 0 ? html.length : close + 3, selfClosing: false };
  }
  const second = html[at + 1] ?? '';
  if (second === '!' || second === '?') {
    const close = html.indexOf('>', at);
    return { kind: 'other', name: '', end: close < 0 ? html.length : close + 1, selfClosing: false };
  }
  const closing = second === '/';
  const nameStart = closing ? at + 2 : at + 1;
  let nameEnd = nameStart;
  while (nameEnd < html.length && /[A-Za-z0-9:-]/.test(html[nameEnd] as string)) nameEnd++;
  if (nameEnd === nameStart || !/[A-Za-z]/.test(html[nameStart] as string)) return undefined;
  // A quote opens a value only right after `=`, as in the HTML tokenizer; elsewhere it is a plain character.
  let quote = '';
  let afterEquals = false;
  let i = nameEnd;
  for (; i < html.length; i++) {
    const ch = html[i] as string;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (afterEquals && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '>') break;
    if (ch === '=') afterEquals = true;
    else if (!/\s/.test(ch)) afterEquals = false;
  }
  return {
    kind: closing ? 'close' : 'open',
    name: html.slice(nameStart, nameEnd).toLowerCase(),
    end: Math.min(i + 1, html.length),
    selfClosing: html[i - 1] === '/',
  };
}

/** Where a raw-text element's content ends: at its closing tag, or the end of the page. */
function rawTextEnd(html: string, from: number, name: string): number {
  const closing = new RegExp(`</${name}[\\s/>]`, 'ig');
  closing.lastIndex = from;
  const match = closing.exec(html);
  return match ? match.index : html.length;
}

function findOpen(open: readonly OpenElement[], name: string): number {
  const lowest = Math.max(0, open.length - CLOSE_SEARCH);
  for (let i = open.length - 1; i >= lowest; i--) if ((open[i] as OpenElement).name === name) return i;
  return -1;
}
