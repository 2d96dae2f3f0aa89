import { isCaptionLine } from '../boilerplate/index.js';
import { looksLikeDateHeader, parseDateLine } from '../metadata/index.js';
import type { Block } from './block-texts.js';
import type { HtmlBoilerplateLexicon } from './boilerplate-lexicon.js';

export interface BlockFilterContext {
  /** The headline as the page states it (og:title, h1): repeated in the body, it is not article text. */
  headlines: string[];
  captions: string[];
  lexicon: HtmlBoilerplateLexicon;
}

export interface FilteredBlocks {
  kept: Block[];
  /** Paragraphs judged page furniture, in order, for `meta.boilerplate`. */
  dropped: string[];
}

/** Furniture lines are short; a long paragraph is article text whatever its first words. */
const MAX_FURNITURE_LENGTH = 200;
const LINK_LINE_DENSITY = 0.8;
const LINK_LINE_LENGTH = 150;

/**
 * Drops paragraphs of the chosen main text that are not article text: the headline repeated,
 * captions, datelines, bylines, share and "read more" lines. Repeated paragraphs are kept: recipes and
 * lists repeat lines, and dropping repeats lowered F1 on the article-extraction set.
 */
export function filterBlocks(blocks: Block[], context: BlockFilterContext): FilteredBlocks {
  const kept: Block[] = [];
  const dropped: string[] = [];
  const headlines = new Set(context.headlines.map(comparable));
  const captions = new Set(context.captions.map(comparable));
  const linkLines = blocks.map(isLinkLine);
  blocks.forEach((block, index) => {
    const key = comparable(block.text);
    // One link paragraph can be a sentence that is all link; two or more in a row are a link list.
    const inLinkList = linkLines[index] && (linkLines[index - 1] || linkLines[index + 1]);
    const furniture =
      key.length === 0 ||
      headlines.has(key) ||
      captions.has(key) ||
      isFurnitureLine(block.text, context.lexicon) ||
      inLinkList;
    if (furniture) dropped.push(block.text);
    else kept.push(block);
  });
  return { kept, dropped };
}

export function isFurnitureLine(text: string, lexicon: HtmlBoilerplateLexicon): boolean {
  if (text.length > MAX_FURNITURE_LENGTH) return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  // Separators left over from a row of links (`| UPDATED: 11:05`) do not make a line article text.
  const line = text.replace(/^[\s|•·–—-]+/, '');
  if (lexicon.lines.some((pattern) => pattern.test(line))) return true;
  if (isCaptionLine(line) && line.length < 160) return true;
  if (parseDateLine(line) || (looksLikeDateHeader(line) && line.length < 60)) return true;
  return false;
}

/** A short paragraph that is all link: an item of a related-stories or navigation list. */
export function isLinkLine(block: Block): boolean {
  return block.linkDensity >= LINK_LINE_DENSITY && block.text.length <= LINK_LINE_LENGTH;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
