import { parseHTML } from 'linkedom';
import { type DocMeta, emptyMeta, TextBuilder } from '../../model/index.js';
import { forEachCleanPiece, normaliseLine } from '../lines.js';
import {
  findByline,
  findCanonicalUrl,
  findCaptions,
  findHeadline,
  findLanguage,
  findOutlet,
  findPublishedDate,
  findSections,
  type PageFacts,
  readPageFacts,
} from '../metadata/index.js';
import type { CleanResult } from '../text-dump/index.js';
import type { Block } from './block-texts.js';
import { loadHtmlBoilerplate } from './boilerplate-lexicon.js';
import { type CappedMarkup, capMarkup, DEFAULT_MARKUP_CAPS } from './cap-markup.js';
import { extractMain } from './extract-main.js';
import { filterBlocks } from './filter-blocks.js';
import { pruneBoilerplate } from './prune-boilerplate.js';

export interface HtmlOptions {
  /** Where the page was fetched from: resolves the canonical URL and gives dates filed in the path. */
  url?: string;
  /** Readability's minimum article length before it relaxes its rules. */
  charThreshold?: number;
}

/**
 * Cleans an HTML page. Metadata are read from the intact page first; then navigation, captions and
 * share/related/newsletter blocks are pruned, Readability picks the article node (with a fallback
 * when it finds none), and paragraphs that are page furniture are dropped. `raw` for HTML documents
 * is the extracted text, one paragraph a line, so clean offsets map into it exactly; the original
 * markup is kept in the store.
 */
export function cleanHtml(html: string, options: HtmlOptions = {}): CleanResult & { extracted: string } {
  const capped = capMarkup(html);
  const { document } = parseHTML(wrapFragment(capped.html)) as unknown as { document: Document };
  const facts = readPageFacts(document, options.url);
  const meta = readHtmlMeta(document, facts);
  const h1 = normaliseLine(document.querySelector('h1')?.textContent ?? '');
  const lexicon = loadHtmlBoilerplate();
  pruneBoilerplate(document, lexicon);
  const main = extractMain(document, options.charThreshold);
  const { kept, dropped } = filterBlocks(main.blocks, {
    headlines: [meta.headline, h1].filter((value): value is string => Boolean(value)),
    captions: meta.captions,
    lexicon,
  });
  meta.subheads = findSubheads(kept);
  meta.boilerplate = dropped;
  const paragraphs = kept.map((block) => block.text);
  const extracted = paragraphs.join('\n');
  const builder = new TextBuilder();
  let offset = 0;
  for (const paragraph of paragraphs) {
    if (builder.size > 0) builder.insert('\n\n');
    forEachCleanPiece(paragraph, 0, paragraph.length, (piece, at) => builder.copy(piece, offset + at));
    offset += paragraph.length + 1;
  }
  const { text, origin } = builder.build();
  const messages: CleanResult['messages'] = cappedMessages(capped);
  if (!text)
    messages.push({ severity: 'warning', text: 'No article text found in the HTML', ruleId: 'empty-after-clean' });
  else if (main.method === 'fallback')
    messages.push({
      severity: 'info',
      text: 'Readability found no article; the densest block of paragraphs was taken',
      ruleId: 'main-text-fallback',
    });
  return { text, origin, meta, messages, extracted };
}

/** Warnings for a page whose element tree was flattened before parsing; its text is all kept. */
function cappedMessages(capped: CappedMarkup): CleanResult['messages'] {
  const messages: CleanResult['messages'] = [];
  const { maxDepth, maxElements } = DEFAULT_MARKUP_CAPS;
  if (capped.tooDeep > 0)
    messages.push({
      severity: 'warning',
      text: `HTML nested deeper than ${maxDepth} elements: ${capped.tooDeep} tags beyond that depth were dropped and their text kept in the element above`,
      ruleId: 'html-depth-capped',
    });
  if (capped.tooMany > 0)
    messages.push({
      severity: 'warning',
      text: `HTML with more than ${maxElements} elements: the ${capped.tooMany} tags after that were dropped and their text kept`,
      ruleId: 'html-elements-capped',
    });
  return messages;
}

/** A fragment without `<html>` or `<body>` is wrapped, so that its text ends up in the body. */
function wrapFragment(html: string): string {
  return /<(html|head|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

/** Every metadata field an HTML page states about itself. */
export function readHtmlMeta(document: Document, facts: PageFacts): DocMeta {
  const meta = emptyMeta();
  meta.headline = findHeadline(document, facts);
  meta.published = findPublishedDate(document, facts);
  meta.byline = findByline(document, facts);
  meta.sections = findSections(document, facts);
  meta.outlet = findOutlet(facts);
  meta.canonicalUrl = findCanonicalUrl(facts);
  meta.declaredLanguage = findLanguage(facts);
  meta.captions = findCaptions(document);
  return meta;
}

/** Subheads: the h2-h4 blocks kept in the article text. */
export function findSubheads(blocks: readonly Block[]): string[] {
  return blocks.filter((block) => /^h[2-4]$/.test(block.tag)).map((block) => block.text);
}
