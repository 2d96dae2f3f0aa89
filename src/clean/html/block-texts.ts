import { normaliseLine } from '../lines.js';

/** Elements that end a paragraph: text on either side of one belongs to different paragraphs. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'OPTION',
  'IFRAME',
]);

/** One paragraph of extracted text and the block it came from (`p`, `h2`, `li`, ...). */
export interface Block {
  text: string;
  tag: string;
  /** Share of the text's non-space characters inside links: near 1 for lists of related links. */
  linkDensity: number;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Paragraphs of a DOM subtree in reading order: every block element closes the running paragraph,
 * so loose text between blocks and `<br><br>`-separated runs are kept, not only `<p>` contents.
 */
export function collectBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let tag = 'p';
  let afterBreak = false;
  let linkChars = 0;
  let linkDepth = 0;
  const flush = () => {
    const text = normaliseLine(parts.join(''));
    if (text) {
      const chars = text.replace(/\s+/g, '').length;
      blocks.push({ text, tag, linkDensity: chars ? Math.min(1, linkChars / chars) : 0 });
    }
    parts = [];
    afterBreak = false;
    linkChars = 0;
  };
  const visit = (node: DomNode, blockTag: string) => {
    if (node.nodeType === 3) {
      const content = node.textContent ?? '';
      if (parts.length === 0) tag = blockTag;
      if (content.trim()) afterBreak = false;
      if (linkDepth > 0) linkChars += content.replace(/\s+/g, '').length;
      parts.push(content);
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(name)) return;
    if (name === 'BR') {
      // Two line breaks in a row are how many pages separate paragraphs without <p>.
      if (afterBreak) flush();
      else {
        parts.push(' ');
        afterBreak = true;
      }
      return;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const childTag = isBlock ? name.toLowerCase() : blockTag;
    const isLink = name === 'A';
    if (isLink) linkDepth++;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i] as DomNode, childTag);
    if (isLink) linkDepth--;
    if (isBlock) flush();
  };
  visit(root, 'p');
  flush();
  return blocks;
}
