import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { emptyMeta, TextBuilder } from '../../model/index.js';
import { forEachCleanPiece, normaliseLine } from '../lines.js';
import type { CleanResult } from '../text-dump/index.js';

export interface HtmlOptions {
  url?: string;
}

/**
 * Cleans an HTML page: main text by Readability over a linkedom DOM, paragraphs from its block
 * elements. `raw` for HTML documents is the visible main text as extracted (one paragraph a line),
 * so offsets of the clean text map into it exactly; the original markup is kept in the store.
 */
export function cleanHtml(html: string, options: HtmlOptions = {}): CleanResult & { extracted: string } {
  const meta = emptyMeta();
  const { document } = parseHTML(html);
  const title = normaliseLine(document.querySelector('title')?.textContent ?? '');
  let paragraphs: string[] = [];
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.title) meta.headline = normaliseLine(article.title);
    if (article?.siteName) meta.outlet = normaliseLine(article.siteName);
    if (article?.byline) meta.byline = normaliseLine(article.byline);
    if (article?.lang) meta.language = article.lang;
    if (article?.content) paragraphs = blockTexts(article.content);
  } catch {
    paragraphs = [];
  }
  if (!meta.headline && title) meta.headline = title;
  if (options.url) meta.canonicalUrl = options.url;
  const extracted = paragraphs.join('\n');
  const builder = new TextBuilder();
  let offset = 0;
  for (const paragraph of paragraphs) {
    if (builder.size > 0) builder.insert('\n\n');
    forEachCleanPiece(paragraph, 0, paragraph.length, (piece, at) => builder.copy(piece, offset + at));
    offset += paragraph.length + 1;
  }
  const { text, origin } = builder.build();
  const messages: CleanResult['messages'] = [];
  if (!text)
    messages.push({ severity: 'warning', text: 'No article text found in the HTML', ruleId: 'empty-after-clean' });
  return { text, origin, meta, messages, extracted };
}

/** Text of each block element of an HTML fragment, in order, skipping empty ones. */
function blockTexts(fragment: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const blocks = document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td');
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.querySelector('p, li, blockquote, h1, h2, h3, h4, h5, h6')) continue;
    const text = normaliseLine(block.textContent ?? '');
    if (text) texts.push(text);
  }
  if (texts.length === 0) {
    const whole = normaliseLine(document.body?.textContent ?? '');
    if (whole) texts.push(whole);
  }
  return texts;
}
