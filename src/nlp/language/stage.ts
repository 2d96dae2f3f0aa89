import type { Doc, Stage, StageOutput, StageResult } from '../../model/index.js';
import { isMetaOutput, metaField } from '../../model/index.js';
import { type LanguageDetector, languageName, normaliseLanguageTag, UNDETERMINED } from './detect.js';

export const LANGUAGE_STAGE = { stage: 'nlp/language', version: 1 } as const;

/**
 * `meta.language`: the language the record states (JSONL `lang`/`language`) wins; else the one
 * detected in the headline and text; else, when there is too little text to tell, the one the
 * page declares; else `und`. Detection goes before the declared language because a site template
 * often declares one language for pages in several (`<html lang="en">` over German articles).
 */
export function createLanguageStage(detector: LanguageDetector): Stage<never, 'meta.language'> {
  return {
    name: LANGUAGE_STAGE.stage,
    version: LANGUAGE_STAGE.version,
    requires: [],
    produces: ['meta.language'],
    run: (doc) => ({ meta: { language: documentLanguage(doc, detector) } }),
  };
}

export function documentLanguage(doc: Readonly<Doc>, detector: LanguageDetector): string {
  const stated = normaliseLanguageTag(doc.source.hints?.language);
  if (stated) return stated;
  const detected = detector.detect(doc.meta.headline ? `${doc.meta.headline}\n\n${doc.text}` : doc.text);
  if (detected !== UNDETERMINED) return detected;
  return normaliseLanguageTag(doc.meta.declaredLanguage) ?? UNDETERMINED;
}

/**
 * Whether a stage trained on English should read the document: English, or a language not known
 * (no language stage ran, or too little text) written mostly in Latin letters, where English is the
 * likeliest and a short text does little harm.
 */
export function readsAsEnglish(doc: Readonly<Doc>): boolean {
  const language = doc.meta.language ?? UNDETERMINED;
  if (language === 'en') return true;
  return language === UNDETERMINED && mostlyLatin(`${doc.meta.headline ?? ''} ${doc.text}`);
}

function mostlyLatin(text: string): boolean {
  const sample = text.slice(0, 2_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 || latin * 2 > letters;
}

/**
 * The stage, for English only: on a document in another language it produces empty outputs and
 * says so in an info message on the document, instead of tagging names, quotes or loaded words
 * with a model that never saw the language. Requires `meta.language`, so a changed language
 * recomputes the stage's outputs.
 */
export function englishOnly<R extends StageOutput, P extends StageOutput>(
  stage: Stage<R, P>,
): Stage<R | 'meta.language', P> {
  return {
    ...stage,
    requires: [...stage.requires, 'meta.language'],
    run: (doc, report) => {
      if (readsAsEnglish(doc)) return stage.run(doc, report);
      const language = doc.meta.language ?? UNDETERMINED;
      const why =
        language === UNDETERMINED
          ? 'its language is undetermined and most of its letters are not Latin'
          : `it is in ${languageName(language)} (${language})`;
      report.info(`${stage.name} skipped this document: ${why}, and the stage reads English only`, {
        ruleId: 'language-not-read',
        actual: language,
      });
      return emptyOutputs(stage.produces);
    },
  };
}

function emptyOutputs<P extends StageOutput>(produces: readonly P[]): StageResult<P> {
  const result: Record<string, unknown> = {};
  for (const output of produces) {
    if (isMetaOutput(output)) result.meta = { ...(result.meta as object), [metaField(output)]: undefined };
    else result[output] = [];
  }
  return result as StageResult<P>;
}
