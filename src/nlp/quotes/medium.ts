/**
 * The channel and the date of an utterance, read from the words around its cue: `said in a
 * statement on Tuesday`, `wrote in a tweet on Saturday`, `in an interview with Al Arabiya`,
 * `Earlier in March, Khazali warned`. Dates are kept as the raw phrase; the time layer resolves them.
 */
import type { CueLexicon } from './cues.js';

export interface Phrase {
  start: number;
  end: number;
  text: string;
}

const NAME = "\\p{Lu}[\\p{L}\\p{N}’'.-]*(?:\\s+(?:of\\s+|the\\s+|al-)?\\p{Lu}[\\p{L}\\p{N}’'.-]*)*";
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DATE = new RegExp(
  [
    `\\b(?:earlier|later)\\s+(?:this|last|in)\\s+(?:week|month|year|${MONTH}|${WEEKDAY})`,
    `\\b(?:on|last|this|next|late|early)\\s+${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?`,
    `\\bon\\s+${MONTH}\\s+\\d{1,2}(?:,\\s+\\d{4})?`,
    `\\b(?:in|last|early|late|earlier in|since)\\s+${MONTH}(?:\\s+\\d{4})?`,
    '\\b(?:yesterday|today|tonight|last\\s+(?:week|month|year|night)|this\\s+(?:week|month|morning))\\b',
    `\\b${WEEKDAY}\\b`,
  ].join('|'),
  'u',
);
const SOCIAL = /\b(?:on|via)\s+(?:Twitter|Facebook|Instagram|Telegram|television|TV|radio|X|YouTube)\b/u;

/** `in a statement`, `in an interview with Al Arabiya`, `in a meeting`: the first one in `window`. */
export function findMedium(text: string, from: number, to: number, cues: CueLexicon): Phrase | undefined {
  const window = text.slice(from, to);
  const nouns = cues.media.map((noun) => noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(
    `\\b(?:[Ii]n|[Dd]uring|[Aa]t|[Tt]hrough)\\s+(?:a|an|the|his|her|its|their|a\\s+joint|an\\s+exclusive|a\\s+televised)\\s+(?:[\\p{L}-]+\\s+)?(?:${nouns})\\b(?:\\s+(?:with|to)\\s+${NAME})?`,
    'u',
  );
  const match = pattern.exec(window) ?? SOCIAL.exec(window);
  if (!match) return undefined;
  return trimmed(from + match.index, match[0]);
}

/** The first date phrase in `window` (`on Sunday`, `Earlier in March`, `on January 3, 2020`). */
export function findDatePhrase(text: string, from: number, to: number): Phrase | undefined {
  const match = DATE.exec(text.slice(from, to));
  if (!match) return undefined;
  return trimmed(from + match.index, match[0]);
}

function trimmed(start: number, value: string): Phrase {
  const text = value.replace(/[\s,.]+$/u, '');
  return { start, end: start + text.length, text };
}
