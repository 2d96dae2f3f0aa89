import type { HtmlBoilerplateLexicon } from './boilerplate-lexicon.js';

/** Tags that never hold article text. Figure captions are read as metadata first, then dropped. */
const DROPPED_TAGS = 'script, style, noscript, template, iframe, button, select, nav, figcaption, svg';

/**
 * Removes blocks that are page furniture before the main text is chosen: hidden elements, navigation,
 * captions, and elements whose class or id names a share bar, related links, newsletter box and the
 * like. An element that holds much of the page's text is kept whatever its class says, since some
 * sites put such words on the article wrapper itself (`pg-rail-tall`, `widget Blog`, a page-wide form).
 */
export function pruneBoilerplate(document: Document, lexicon: HtmlBoilerplateLexicon): number {
  let removed = 0;
  for (const element of [...document.querySelectorAll(DROPPED_TAGS)]) {
    element.remove();
    removed++;
  }
  const body = document.body;
  if (!body) return removed;
  const total = textChars(body);
  for (const element of [...body.querySelectorAll('[class], [id], [hidden], [aria-hidden], [style], [role]')]) {
    if (!element.isConnected) continue;
    if (!isBoilerplate(element, lexicon)) continue;
    if (textChars(element) > Math.max(500, total * 0.2)) continue;
    element.remove();
    removed++;
  }
  return removed;
}

function isBoilerplate(element: Element, lexicon: HtmlBoilerplateLexicon): boolean {
  if (element.tagName === 'BODY' || element.tagName === 'HTML' || element.tagName === 'ARTICLE') return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) return true;
  const role = element.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'banner' || role === 'contentinfo') return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
  if (!names.trim()) return false;
  for (const word of names.split(/[\s_-]+/)) if (word && lexicon.classWords.has(word)) return true;
  for (const name of names.split(/\s+/)) if (name && lexicon.classWords.has(name)) return true;
  return false;
}

/** Characters of text under an element, spaces left out: a cheap measure of how much of the page it holds. */
function textChars(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}
