/**
 * nlp/language: `meta.language`, the document's language as an ISO 639-1 code, `und` when it cannot
 * be told. A language the record states wins; else the `eld` n-gram detector (60 languages, its
 * smallest database) reads the headline and text; fewer than 20 letters give `und`, not a guess.
 * `englishOnly` wraps the stages trained on English (entities, quotes, headline quotes, loaded
 * language) so they skip other languages with an info message instead of producing garbage.
 * Measured: `lede eval language` (page-dumps against the pages' own `<html lang>`, and the seeds).
 */

export {
  type LanguageDetector,
  languageName,
  loadLanguageDetector,
  MIN_LETTERS,
  normaliseLanguageTag,
  UNDETERMINED,
} from './detect.js';
export { createLanguageStage, documentLanguage, englishOnly, LANGUAGE_STAGE, readsAsEnglish } from './stage.js';
