import { eld } from 'eld';

/** ISO 639 code for "undetermined": too little text to tell, or no language reliably ahead. */
export const UNDETERMINED = 'und';

/**
 * Below this many letters a detector guesses from a handful of character n-grams (`Hi` comes out
 * Catalan); the document is then `und`. A Han, kana or Hangul character counts for two: one carries
 * about as much as a short Latin word, and its script alone narrows the choice to a language or two.
 */
export const MIN_LETTERS = 20;

/** Detection reads this much of a document: enough for any language, and the cost stays flat on long texts. */
const MAX_CHARS = 10_000;

export interface LanguageDetector {
  /** The text's language as an ISO 639-1 code, or `und`. */
  detect(text: string): string;
}

let loading: Promise<LanguageDetector> | undefined;

/**
 * The n-gram detector of the `eld` package with its smallest database (60 languages), loaded once
 * per process. Asynchronous because the database is an ES module that takes about half a second
 * to parse: only the processes that analyse documents pay for it.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= (async () => {
    // The package root is the dynamic entry, whose instances load a database by name.
    const instance = eld.newInstance() as ReturnType<typeof eld.newInstance> & { load(size: string): Promise<unknown> };
    await instance.load('extrasmall');
    return {
      detect(text: string): string {
        const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
        if (letterWeight(sample) < MIN_LETTERS) return UNDETERMINED;
        const result = instance.detect(sample);
        if (!result.language) return UNDETERMINED;
        return result.isReliable() || writtenOnlyIn(sample) === result.language ? result.language : UNDETERMINED;
      },
    };
  })();
  return loading;
}

/**
 * Scripts one language alone writes (of the detector's languages). Menus and bylines in Latin letters
 * around a Korean article make the detector doubt (`isReliable` false with Korean far ahead), though
 * the script has already told the language.
 */
const SCRIPT_OF_ONE_LANGUAGE: readonly [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Thai}/gu, 'th'],
];

/**
 * The language whose own script writes most of the text's letters, if any. Japanese mixes kana with
 * Han characters, which Chinese writes alone: kana among a fifth of them or more tell Japanese.
 */
function writtenOnlyIn(text: string): string | undefined {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const letters = count(/\p{L}/gu);
  for (const [script, language] of SCRIPT_OF_ONE_LANGUAGE) if (count(script) * 2 > letters) return language;
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = count(/\p{Script=Han}/gu);
  return kana * 5 >= kana + han && (kana + han) * 2 > letters ? 'ja' : undefined;
}

function letterWeight(text: string): number {
  let weight = 0;
  for (const match of text.matchAll(
    /(\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul})|\p{L}/gu,
  )) {
    weight += match[1] ? 2 : 1;
    if (weight >= MIN_LETTERS) break;
  }
  return weight;
}

/**
 * A stated language tag (`de-DE`, `EN_us`, `deu`, `iw`) as its canonical primary language subtag
 * (`de`, `en`, `de`, `he`), the form detection gives, so one language is one facet value. Undefined
 * for what is no language tag.
 */
export function normaliseLanguageTag(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical ? new Intl.Locale(canonical).language : undefined;
  } catch {
    return undefined;
  }
}

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `German` for `de`; the code itself when ICU has no name for it. */
export function languageName(code: string): string {
  if (code === UNDETERMINED) return 'an undetermined language';
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
