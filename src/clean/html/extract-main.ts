import { Readability } from '@mozilla/readability';
import { type Block, collectBlocks } from './block-texts.js';

export interface MainText {
  blocks: Block[];
  /** `readability`, or `fallback` when Readability found nothing and the densest text block was taken. */
  method: 'readability' | 'fallback' | 'none';
}

/**
 * Main text of a (pruned) document: Readability picks the article node, whose blocks are returned.
 * Readability rewrites the document it is given. When it gives up (short pages, odd markup) the element with the most paragraph text is used.
 */
export function extractMain(document: Document, charThreshold = 300): MainText {
  let node: Node | undefined;
  try {
    const article = new Readability<Node>(document, {
      charThreshold,
      serializer: (element) => element,
    }).parse();
    node = article?.content ?? undefined;
  } catch {
    node = undefined;
  }
  if (node) {
    const blocks = collectBlocks(node as never);
    if (blocks.length > 0) return { blocks, method: 'readability' };
  }
  const fallback = densestElement(document);
  if (fallback) {
    const blocks = collectBlocks(fallback as never);
    if (blocks.length > 0) return { blocks, method: 'fallback' };
  }
  return { blocks: [], method: 'none' };
}

/** The parent of the most paragraph text, or the body when there are no paragraphs. */
function densestElement(document: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const paragraph of document.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (paragraph.textContent?.trim().length ?? 0));
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best ?? document.body ?? undefined;
}
