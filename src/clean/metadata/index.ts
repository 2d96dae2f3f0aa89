/**
 * clean/metadata: pure readers of article metadata. From text lines: date headers (dates.ts). From
 * HTML: page facts (meta tags, JSON-LD, links) and each field (headline, publication date, byline,
 * sections, canonical URL, language, outlet, captions).
 * Publication date order: full date in the URL, JSON-LD datePublished, publication meta tags,
 * microdata, <time> nearest the headline, date-classed elements, created/modified stamps, script
 * data, then running text (cue words from data/clean/date-cues.json, datelines); a UTC stamp gives
 * way to a local statement of the next day. Month and weekday names come from Intl (calendar-names.ts), Gregorian, Hijri and Solar Hijri.
 * Limits: no reading of relative dates ("3 hours ago"); heuristics were tuned on the shared
 * pubdate pages, so the held-out set may score lower.
 * Measured on ../shared/data/pubdate (666 pages), `lede eval pubdate`:
 * P 0.9309 R 0.9758 accuracy 0.9099 F1 0.9528 (day granularity).
 * Plain-text dumps without a date header: every date is scored (dump-date.ts, weights learnt on one
 * half of ../shared/data/page-dumps, relearnt with the line classifier's headline and lead), `lede eval
 * dumps`: accuracy 0.927 (tune half 0.952, held-out half 0.903).
 */
export {
  type DateBounds,
  DEFAULT_BOUNDS,
  type FoundDate,
  findDates,
  parseDateText,
  readGivenDate,
} from './date-text.js';
export { looksLikeDateHeader, mergeHeaderDates, type ParsedDateLine, parseDateLine } from './dates.js';
export {
  bestScored,
  chooseDumpDate,
  DATE_WEIGHTS,
  type DumpLandmarks,
  type ScoredDate,
  scoreDumpDates,
  weightedScore,
} from './dump-date.js';
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
