/**
 * clean/metadata: pure readers of article metadata. From text lines: date headers (dates.ts). From
 * HTML: page facts (meta tags, JSON-LD, links) and each field (headline, publication date, byline,
 * sections, canonical URL, language, outlet, captions).
 * Measured: `lede eval pubdate` (publication day on ../shared/data/pubdate).
 */
export { type DateBounds, DEFAULT_BOUNDS, type FoundDate, findDates, parseDateText } from './date-text.js';
export { looksLikeDateHeader, mergeHeaderDates, type ParsedDateLine, parseDateLine } from './dates.js';
export {
  findBreadcrumbs,
  findByline,
  findCanonicalUrl,
  findCaptions,
  findHeadline,
  findLanguage,
  findOutlet,
  findSections,
  stripOutletSuffix,
} from './html-fields.js';
export { type PageFacts, readPageFacts } from './page-facts.js';
export { findPublishedDate, fromUrl } from './published-date.js';
