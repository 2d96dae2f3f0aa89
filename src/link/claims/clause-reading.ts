/**
 * Reading a figure's own clause: the names the entity recogniser missed, whether the verb that
 * governs the figure states a fact or a forecast, and what a sum of money measures. Each works on the
 * words between the figure and the nearest clause boundary, not on the whole sentence, so a `will` in
 * another clause (`Sky, which will launch a service, has 7 million subscribers`) keeps nothing out.
 */
import { englishCalendarWords } from '../../nlp/timex/index.js';

const TOKEN = /[\p{L}\d][\p{L}\d’'&.-]*/gu;
/** Words that join the parts of one name (`Bank of England`, `Marks & Spencer`). */
const NAME_JOINERS = new Set(['of', '&']);

/** Where the clause holding a position starts (after `,`, `;`, `:`, a dash or a bracket). */
const BOUNDARY = /[,;:()\u2013\u2014]|\s-\s/gu;

/** The stretch from the last clause boundary before `at` (or `from`) to `at`. */
export function leftOfInClause(sentence: string, at: number): string {
  let start = 0;
  for (const match of sentence.slice(0, at).matchAll(BOUNDARY)) start = (match.index ?? 0) + match[0].length;
  return sentence.slice(start, at);
}

/** The stretch from `at` to the next clause boundary (or the end of the sentence). */
export function rightOfInClause(sentence: string, at: number): string {
  const rest = sentence.slice(at);
  BOUNDARY.lastIndex = 0;
  const match = BOUNDARY.exec(rest);
  return match ? rest.slice(0, match.index) : rest;
}

/**
 * A forecast, condition or hope governs the figure when its word stands between the clause start and
 * the figure (`it would have 10 million subscribers`, `if sales reach 10,000`) or right after it
 * (`profits of $3bn are expected`).
 */
export function governedByHypothesis(sentence: string, from: number, to: number, hypothetical: RegExp): boolean {
  const left = leftOfInClause(sentence, from);
  const right = rightOfInClause(sentence, to).split(/\s+/).slice(0, 5).join(' ');
  return hypothetical.test(left) || hypothetical.test(right);
}

/** Capitalised words a document writes somewhere other than at the start of a sentence: its names. */
export function midSentenceCapitals(text: string, sentences: readonly { start: number; end: number }[]): Set<string> {
  const names = new Set<string>();
  for (const sentence of sentences) {
    const written = text.slice(sentence.start, sentence.end);
    const words = [...written.matchAll(TOKEN)];
    words.forEach((word, index) => {
      const previous = words[index - 1];
      const previousEnd = previous ? (previous.index ?? 0) + previous[0].length : -1;
      if (previous && /^\p{Lu}/u.test(word[0]) && !afterColon(written, previousEnd, word.index ?? 0)) {
        names.add(trimName(word[0]));
      }
    });
  }
  return names;
}

/** A word after a colon is capitalised as a sentence's first word is (`Note: Oper data ...`). */
function afterColon(sentence: string, previousEnd: number, start: number): boolean {
  return sentence.slice(previousEnd, start).includes(':');
}

/** Alone, a month or weekday dates something (`21 over May bid`); it names no one. */
const CALENDAR_NAMES = englishCalendarWords();

function trimName(word: string): string {
  return word.replace(/[’']s$/u, '').replace(/[.’'-]+$/u, (tail) => (/^[\p{Lu}]\.$/u.test(word) ? tail : ''));
}

export interface NameContext {
  /** Lower-case words never a name alone (`the`, `it`). */
  functionWords: ReadonlySet<string>;
  /** The document's mid-sentence capitals: a sentence's first word is a name only if the document writes it so elsewhere. */
  capitals: ReadonlySet<string>;
  /** Offsets (in the sentence) covered by dates or by recognised entities: not names to add. */
  covered: (from: number, to: number) => boolean;
}

/**
 * Names of a stretch of the sentence (`[from, to)`) written with capitals that no recognised entity
 * covers: a run of capitalised words (`Jet Airways`, `Bank of England`), without a leading function
 * word (`The`). A lone word opening the sentence counts only when the document capitalises it
 * mid-sentence too, so `Shares` opening a sentence is not a name but `Google` is.
 */
export function capitalisedNames(
  sentence: string,
  from: number,
  to: number,
  context: NameContext,
  excluded: (from: number, to: number) => boolean = () => false,
): string[] {
  const words = [...sentence.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const names: string[] = [];
  let run: typeof words = [];
  const close = () => {
    while (run.length > 0 && NAME_JOINERS.has((run[run.length - 1] as { text: string }).text)) run.pop();
    let parts = run;
    while (parts.length > 0 && context.functionWords.has((parts[0] as { text: string }).text.toLowerCase()))
      parts = parts.slice(1);
    const first = parts[0];
    const firstIndex = first === undefined ? -1 : words.indexOf(first);
    const opensSentence =
      firstIndex === 0 ||
      (first !== undefined &&
        firstIndex > 0 &&
        afterColon(sentence, (words[firstIndex - 1] as { end: number }).end, first.start));
    const name = parts.map((word) => word.text).join(' ');
    const lone = parts.length === 1 && first !== undefined;
    if (
      first &&
      !/^\d/.test(name) &&
      !(lone && opensSentence && !context.capitals.has(trimName(first.text))) &&
      !(lone && CALENDAR_NAMES.has(trimName(name))) &&
      !context.covered(first.start, (parts[parts.length - 1] as { end: number }).end) &&
      !excluded(first.start, (parts[parts.length - 1] as { end: number }).end)
    )
      names.push(trimName(name));
    run = [];
  };
  for (const [index, word] of words.entries()) {
    if (word.end <= from || word.start >= to) continue;
    const gap = index > 0 ? sentence.slice((words[index - 1] as { end: number }).end, word.start) : ' ';
    const capital = /^\p{Lu}/u.test(word.text);
    const adjacent = run.length === 0 || /^\s+$/.test(gap);
    if (adjacent && (capital || (run.length > 0 && NAME_JOINERS.has(word.text)))) run.push(word);
    else {
      close();
      if (capital) run.push(word);
    }
  }
  close();
  return [...new Set(names.filter((name) => name.length > 1))];
}

/** Verbs and prepositions that link a measure to its sum (`profit was $3m`, `a bill of $3m`). */
const LINKS = new Set([
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'of',
  'at',
  'to',
  'totalled',
  'totaled',
  'totalling',
  'totaling',
  'stood',
  'reached',
  'worth',
  'valued',
  'put',
  'estimated',
  'reported',
  'posted',
  'had',
  'has',
  'have',
]);

/**
 * What a sum of money measures, read left of it in its clause: the noun the linking verb or
 * preposition ties to it, with its modifier (`net profit was $3m` → net profit, `a bill of £40m` →
 * bill); else the verb that prices it (`fined $550,000` → fined). Undefined when the clause holds none.
 */
export function moneyMeasureLeft(
  left: string,
  functionWords: ReadonlySet<string>,
  changeWords: ReadonlySet<string>,
): string | undefined {
  const words = (left.match(/[\p{L}][\p{L}’'-]*/gu) ?? []).slice(-6);
  for (let at = words.length - 1; at >= 0; at--) {
    const word = words[at] as string;
    const lower = word.toLowerCase();
    if (LINKS.has(lower)) continue;
    if (functionWords.has(lower) || changeWords.has(lower) || !/^\p{Ll}/u.test(word)) return undefined;
    // The verb that prices the sum (`was fined`, `paying`) is what it measures.
    if (/(?:ed|ing)$/.test(lower)) return lower;
    const modifier = words[at - 1];
    const modifierLower = modifier?.toLowerCase() ?? '';
    return modifier &&
      /^\p{Ll}/u.test(modifier) &&
      !functionWords.has(modifierLower) &&
      !LINKS.has(modifierLower) &&
      !changeWords.has(modifierLower) &&
      !/(?:ed|ing|ly)$/.test(modifierLower)
      ? `${modifierLower} ${lower}`
      : lower;
  }
  return undefined;
}

const REPORTING =
  'said|says|say|reported|reports|told|added|announced|estimated|estimates|noted|stated|according to|quoted';
/** `, the Energy Information Administration said.` closing the sentence. */
const TRAILING_SOURCE = new RegExp(`,\\s*([^,;]{1,80}?)\\s+(?:${REPORTING})\\b[^,;]*$`, 'iu');
/** `, said the agency` / `, according to the agency` closing the sentence. */
const TRAILING_SOURCE_AFTER = new RegExp(`,\\s*(?:${REPORTING})\\s+[^,;]{1,80}$`, 'iu');
/** `USAir said Piedmont has ...`: a source opening the sentence, unless it goes on about itself (`said it`). */
const LEADING_SOURCE = new RegExp(
  `^([^,;]{1,80}?)\\s+(?:${REPORTING})(?:\\s+(?:on|that|in|last|yesterday|today|\\w+day))*\\s+(?!it\\b|its\\b|they\\b|their\\b|he\\b|his\\b|she\\b|her\\b)`,
  'iu',
);

/**
 * The stretches of a sentence that name who reports the figure rather than what it is about
 * (`..., Hughes Tool Co said`, `USAir said Piedmont has`): a source is not a subject, unless it
 * reports on itself (`GAF said it had offered`). Offsets into the sentence; none covers the figure.
 */
export function sourceStretches(
  sentence: string,
  figureStart: number,
  figureEnd: number,
): { trailing: [number, number][]; all: [number, number][] } {
  const tail = sentence.slice(figureEnd);
  const closing = TRAILING_SOURCE.exec(tail) ?? TRAILING_SOURCE_AFTER.exec(tail);
  const trailing: [number, number][] = closing ? [[figureEnd + closing.index, sentence.length]] : [];
  const opening = LEADING_SOURCE.exec(sentence.slice(0, figureStart));
  return { trailing, all: opening ? [...trailing, [0, opening[0].length]] : trailing };
}
