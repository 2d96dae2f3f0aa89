/**
 * Stretches of a sentence that tell something of their own beside the main clause: a noun phrase set
 * off by commas with its own participle, an aside between dashes or brackets, a fronted clause of time
 * or reason, the end of a counted period, a year listed among names. `attachment.ts` sets a date inside
 * one aside as background.
 */
import { FUNCTION_WORDS, NO_OBJECT, PARTICIPLE, VERB_LIKE } from './clause-words.js';

/**
 * The end of a counted period something ran over (`after four years of strong growth to 2004`, `three
 * months of talks until March`): the period, not a day on which anything happened.
 */
export const COUNTED_PERIOD_END =
  /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)\s+(?:years?|months?|weeks?|quarters?|decades?|seasons?)\s+of\s+[^,;:()—–]{0,50}?\s(?:to|until|till|through)\s+$/i;

/** A clause of time or reason that opens the sentence (`Since the Cray-1, ..., was installed in 1976, speed has ...`). */
const FRONTED_SUBORDINATE = /^\s*["“]?(?:since|until|till|once|because)\b[^;:—–]*$/i;

/** The date closes the fronted clause: a comma follows it and the main clause goes on after. */
export function frontedSubordinate(before: string, after: string): boolean {
  return FRONTED_SUBORDINATE.test(before) && /^\s*,\s*\S/.test(after) && VERB_LIKE.test(before);
}

/**
 * A noun phrase set off by a comma whose participle tells its own past (`Barbara Follett, one of the
 * "Blair Babes" elected in 1997, told researchers`, `..., part of an alliance agreed in 2000.`): the
 * phrase has no verb of its own before the participle, so the participle is no main clause's.
 */
export function setOffParticiple(before: string, after: string): boolean {
  const opened = /,\s+([^,;:()—–]*)$/.exec(before.replace(/["“”]/g, ''));
  const phrase = opened?.[1] ?? '';
  if (!opened || !SET_OFF_START.test(phrase)) return false;
  // Set off after a name, the main clause's verb follows the closing comma (`..., told researchers`);
  // closing the sentence, it follows a whole clause. `However, the economy contracted by 0.2% in 2004,
  // mainly ...` is the main clause after an opening word.
  const goesOn = /^[^;.!?,]*?,\s*["“]?(\p{L}+)/u.exec(after)?.[1];
  const closes = /^\s*[.!?"”]*\s*$/.test(after);
  if (
    !(goesOn !== undefined && VERB_LIKE.test(goesOn) && !/ly$/.test(goesOn)) &&
    !(closes && VERB_LIKE.test(before.slice(0, opened.index)))
  )
    return false;
  const participle = SET_OFF_PARTICIPLE.exec(phrase);
  if (!participle) return false;
  const head = phrase.slice(0, participle.index + (participle[1]?.length ?? 0));
  return !FINITE.test(head) && !FUNCTION_WORDS.has(participle[1]?.toLowerCase() ?? '');
}

/** A noun phrase's first word: a determiner or a word of quantity or part. */
const SET_OFF_START = /^(?:the|a|an|one|two|three|part|some|many|most|all|both|each|his|her|its|their|another)\s/i;
const SET_OFF_PARTICIPLE = new RegExp(`\\b(\\p{L}+)\\s+(?=\\p{Ll})${PARTICIPLE}(?=${NO_OBJECT})`, 'u');
const FINITE =
  /\b(?:is|are|was|were|am|has|have|had|will|would|can|could|may|might|must|shall|should|did|does|do|said|says)\b/i;

/**
 * The date inside an aside between dashes or brackets that closes after it (`rejected the claim - filed
 * in 1999 by the administration - in a 2-1 decision`): the aside tells something of its own. An aside
 * that opens on a preposition of time (`- on 5 May -`) is a time of the main clause.
 */
export function openAside(before: string, after: string): boolean {
  const dashed = /\s[-–—]\s((?:(?!\s[-–—]\s)[^;()])*)$/.exec(before);
  const bracketed = /\(([^()]*)$/.exec(before);
  const aside =
    dashed && /^[^;.!?()]*?\s[-–—]\s+\S/.test(after)
      ? dashed[1]
      : bracketed && /^[^();.!?]*\)/.test(after)
        ? bracketed[1]
        : undefined;
  if (aside === undefined) return false;
  const first = /^\s*([\p{L}'’-]+)/u.exec(aside)?.[1]?.toLowerCase();
  return first !== undefined && !ASIDE_TIME_WORDS.has(first) && VERB_LIKE.test(aside);
}

const ASIDE_TIME_WORDS = new Set(
  'in on at during by from since until till after before when while as of around about early late last this next'.split(
    ' ',
  ),
);

/**
 * `Windows 95, 98, ME, NT, 2000, and XP`: a year listed between short names or numbers that are no
 * years is one of those names.
 */
export function listedName(before: string, after: string): boolean {
  const previous = /(?:^|[,\s])([^\s,]+),\s*$/.exec(before)?.[1];
  const next = /^\s*,\s*(?:and\s+|or\s+)?([^\s,.;]+)/.exec(after)?.[1];
  // Both sides, so that a place before a comma (`In the US, 2004 saw ...`) makes no list.
  return [previous, next].every((item) => item !== undefined && /^(?:[A-Z]{2,3}|\d{2})$/.test(item));
}

/**
 * A participle clause with its object set off after the subject (`Michels, named coach of the century
 * by Fifa in 1999, also won five caps`): the subject before the comma has no verb, and the main
 * clause's verb follows the closing comma.
 */
export function setOffParticipleClause(before: string, after: string): boolean {
  const opened = new RegExp(
    `^([^,;:()—–]+),\\s+(?:(?:first|later|once|recently|twice|widely)\\s+)?${PARTICIPLE}\\s[^,;:()—–]*$`,
    'u',
  ).exec(before);
  const subject = opened?.[1] ?? '';
  if (!opened || VERB_LIKE.test(subject) || OPENING_PHRASE.test(subject)) return false;
  const verb = /^[^,;:.!?()—–]*,\s+(?:(?:also|then|later|now|still|since|has|have|had|\p{Ll}+ly)\s+)?(\p{Ll}+)/u.exec(
    after,
  )?.[1];
  return verb !== undefined && VERB_LIKE.test(verb) && !/ly$/.test(verb) && !FUNCTION_WORDS.has(verb);
}

/** A sentence that opens on a time, a place or a connective before its first comma (`In 2003, ...`). */
const OPENING_PHRASE =
  /^\s*["“]?(?:in|on|at|during|after|before|by|for|from|since|until|with|without|under|however|meanwhile|but|and|yet|so|then|now|today|last|this|earlier|later)\b/i;
