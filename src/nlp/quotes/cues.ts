import { existsSync, readFileSync } from 'node:fs';
import { dataPath, modelPath } from '../../resources/index.js';
import { ARTICLES, DEMONSTRATIVES, FORMS_OF_BE, POSSESSIVES } from './word-classes.js';

/** The cue lexicon, read once from data/quote-cues.json. */
export interface CueLexicon {
  /** Lower-case verb form (one or two words) -> lemma. */
  speech: Map<string, string>;
  /** Lower-case forms of verbs that label rather than quote (`calls`, `so-called`). */
  naming: Set<string>;
  /** Channel nouns, longest first (`press conference` before `press`). */
  media: string[];
  /** Lower-case head nouns of descriptions that refer to a person or group (`leader`, `official`). */
  roleNouns: Set<string>;
  /** Lower-case head nouns of descriptions that refer to an organisation (`the company`, `the paper`). */
  groupNouns: Set<string>;
  /** Lower-case forms of verbs of thought, perception or action: reported speech needs a verb of saying. */
  notSpeech: Set<string>;
}

interface CueFile {
  speech: Record<string, string[]>;
  naming: Record<string, string[]>;
  media: string[];
  roleNouns: string[];
  groupNouns?: string[];
  /** Forms of verbs that attribute no words (`believes`, `showed`): never cues, whatever the learned list says. */
  notSpeech?: string[];
}

export const DEFAULT_CUES_PATH = dataPath('quote-cues.json');

/** Cue forms learned from PolNeAR train by `lede train quotes`; used when present. */
export const DEFAULT_LEARNED_CUES_PATH = modelPath('quote-cues.json');

export function loadCues(
  path: string = DEFAULT_CUES_PATH,
  learnedPath: string | null = DEFAULT_LEARNED_CUES_PATH,
): CueLexicon {
  const cues = buildCues(JSON.parse(readFileSync(path, 'utf8')) as CueFile);
  if (learnedPath && existsSync(learnedPath)) {
    const learned = JSON.parse(readFileSync(learnedPath, 'utf8')) as { forms: Record<string, unknown> };
    for (const form of Object.keys(learned.forms)) {
      if (!cues.speech.has(form) && !cues.naming.has(form) && !cues.notSpeech.has(form)) cues.speech.set(form, form);
    }
  }
  return cues;
}

export function buildCues(file: CueFile): CueLexicon {
  const notSpeech = new Set((file.notSpeech ?? []).map((form) => form.toLowerCase()));
  const speech = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(file.speech)) {
    for (const form of forms) if (!notSpeech.has(form.toLowerCase())) speech.set(form.toLowerCase(), lemma);
  }
  const naming = new Set(Object.values(file.naming).flatMap((forms) => forms.map((form) => form.toLowerCase())));
  const media = [...file.media].sort((a, b) => b.length - a.length);
  return {
    speech,
    naming,
    media,
    roleNouns: new Set(file.roleNouns.map((noun) => noun.toLowerCase())),
    groupNouns: new Set((file.groupNouns ?? []).map((noun) => noun.toLowerCase())),
    notSpeech,
  };
}

const NOT_BEFORE_A_VERB = new Set<string>([...ARTICLES, ...POSSESSIVES, ...DEMONSTRATIVES, 'to', ...FORMS_OF_BE]);

/**
 * The lemma of the cue at tokens[k], or undefined. A form counts as a cue only where it can be a
 * finite verb: lower-case, not after a determiner (`the claims`), `to` (`declined to say`) or a
 * passive auxiliary (`is estimated`).
 */
export function cueAt(
  tokens: readonly { text: string; lower: string }[],
  k: number,
  cues: CueLexicon,
): string | undefined {
  const token = tokens[k];
  if (!token || !canBeFiniteVerb(tokens, k)) return undefined;
  return cues.speech.get(token.lower);
}

/** Whether tokens[k] stands where a finite verb can: lower-case (or a leading `Said`), not after a determiner, `to` or a passive auxiliary. */
export function canBeFiniteVerb(tokens: readonly { text: string; lower: string }[], k: number): boolean {
  const token = tokens[k];
  if (!token || (token.text !== token.lower && !(token.text === 'Said' && k === 0))) return false;
  const previous = tokens[k - 1];
  // `MG Rover's proposed tie-up`: after a possessive the word is a modifier, not a verb.
  if (previous && /^(?!(?:he|she|it|that|there|who|what)['’]s$).+['’]s$/u.test(previous.lower)) return false;
  const progressive =
    token.lower.endsWith('ing') && ['is', 'are', 'was', 'were', 'been'].includes(previous?.lower ?? '');
  if (previous && NOT_BEFORE_A_VERB.has(previous.lower) && !progressive) return false;
  // `was also asked whether`, `were later told`: a passive with an adverb before the participle.
  let before = k - 1;
  while (before >= 0 && before >= k - 2 && isAdverb(tokens[before]?.lower ?? '')) before--;
  const auxiliary = before < k - 1 ? tokens[before]?.lower : undefined;
  return !(auxiliary && (FORMS_OF_BE as readonly string[]).includes(auxiliary) && !token.lower.endsWith('ing'));
}

const ADVERBS = new Set(['also', 'then', 'later', 'not', 'never', 'once', 'often', 'again', 'since', 'first', 'last']);

function isAdverb(word: string): boolean {
  return ADVERBS.has(word) || /^\p{Ll}{3,}ly$/u.test(word);
}
