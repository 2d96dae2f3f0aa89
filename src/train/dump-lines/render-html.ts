/**
 * HTML rendered to plain text the way common dumpers lay it out, for training the line classifier
 * on more layouts than the dumps give: a browser's innerText walk, w3m (bullets, blank lines),
 * lynx (indented text, nested `*`/`+` lists, `[alt]` images) and html2text (`***` headings,
 * `*`/`o` lists, underscores in link text). Approximations of each tool, not copies.
 */
import { parseHTML } from 'linkedom';

export const RENDER_STYLES = ['innertext', 'w3m', 'lynx', 'html2text'] as const;
export type RenderStyle = (typeof RENDER_STYLES)[number];

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'select']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'blockquote',
  'figure',
  'figcaption',
  'form',
  'hr',
  'pre',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'address',
  'time',
]);
/** Blocks a paper-like dumper sets apart with blank lines. */
const SPACED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'figure', 'table', 'hr']);

interface Walk {
  style: RenderStyle;
  lines: string[];
  current: string;
  listDepth: number;
}

function flush(walk: Walk, blank: boolean): void {
  const text = walk.current.replace(/\s+/g, ' ').trim();
  if (text) walk.lines.push(walk.current.replace(/[ \t]+$/u, ''));
  walk.current = '';
  if (blank && walk.style !== 'innertext' && walk.lines[walk.lines.length - 1] !== '') walk.lines.push('');
}

function startLine(walk: Walk, tag: string): void {
  const depth = Math.max(0, walk.listDepth - 1);
  if (tag === 'li') {
    if (walk.style === 'w3m') walk.current = `${'  '.repeat(depth + 1)}• `;
    else if (walk.style === 'lynx') walk.current = `${'     '.repeat(depth + 1)}${depth % 2 ? '+' : '*'} `;
    else if (walk.style === 'html2text') walk.current = `${'    '.repeat(depth + 1)}${depth % 2 ? 'o' : '*'} `;
    return;
  }
  if (walk.style === 'lynx' && !/^h\d$/.test(tag)) walk.current = '   ';
}

function headingMarks(walk: Walk, tag: string, text: string): string {
  if (walk.style !== 'html2text' || !/^h[1-3]$/.test(tag)) return text;
  const stars = '*'.repeat(7 - Number(tag[1]));
  return `${stars} ${text.trim()} ${stars}`;
}

function visit(node: Node, walk: Walk): void {
  if (node.nodeType === 3) {
    walk.current += (node.textContent ?? '').replace(/\s+/g, ' ');
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    flush(walk, false);
    return;
  }
  if (tag === 'img') {
    const alt = (element.getAttribute('alt') ?? '').trim();
    if (alt && walk.style !== 'innertext') walk.current += `[${alt}]`;
    return;
  }
  if (tag === 'a' && walk.style === 'html2text') {
    walk.current += (element.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/ /g, '_');
    return;
  }
  const block = BLOCKS.has(tag);
  if (!block) {
    for (const child of element.childNodes) visit(child, walk);
    return;
  }
  flush(walk, SPACED.has(tag));
  const list = tag === 'ul' || tag === 'ol';
  if (list) walk.listDepth++;
  startLine(walk, tag);
  const before = walk.lines.length;
  const prefix = walk.current;
  for (const child of element.childNodes) visit(child, walk);
  if (/^h\d$/.test(tag) && walk.lines.length === before)
    walk.current = prefix + headingMarks(walk, tag, walk.current.slice(prefix.length));
  if (list) walk.listDepth--;
  flush(walk, SPACED.has(tag));
}

/** The page's body as one dumper would print it. */
export function renderHtml(html: string, style: RenderStyle): string {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const walk: Walk = { style, lines: [], current: '', listDepth: 0 };
  const root = document.body ?? document.documentElement;
  if (root) visit(root, walk);
  flush(walk, false);
  return walk.lines.join('\n');
}
