/**
 * Finds the speaker mention next to a cue: the noun phrase before it (`Akram al-Kaabi, the founder
 * of ..., said` gives `Akram al-Kaabi`), or after it (`said Caddell`). No parser: a noun phrase is a
 * run of words that are not clause words, verbs or cues, at most a dozen long.
 */
import type { CueLexicon } from './cues.js';
import { isCapitalised, PRONOUNS, type Token } from './tokens.js';
import { ARTICLES, DEMONSTRATIVES, POSSESSIVES } from './word-classes.js';

export interface Mention {
  start: number;
  end: number;
  /** For a relative pronoun (`O'Donnell, who said`), the phrase it stands for. */
  antecedent?: Mention;
}

/** Words between a subject and its cue that belong to neither (`has also said`). */
const SKIPPED = new Set([
  'has',
  'have',
  'had',
  'also',
  'then',
  'later',
  'previously',
  'reportedly',
  'again',
  'further',
  'once',
  'recently',
  'publicly',
  'privately',
  'repeatedly',
  'frequently',
  'often',
  'would',
  'will',
  'could',
  'might',
  'may',
  'is',
  'was',
  'were',
  'are',
  'been',
  'quickly',
  'subsequently',
  'explicitly',
  'flatly',
  'never',
  'not',
  'did',
  'does',
  'do',
  'first',
  'last',
  'separately',
  'earlier',
  'already',
  'just',
  'meanwhile',
  'however',
  'instead',
  'too',
  'now',
  'today',
  'yesterday',
]);

/** Words that end a noun phrase when read backwards from the cue. */
const CLAUSE_WORDS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'or',
  'but',
  'because',
  'while',
  'when',
  'where',
  'if',
  'as',
  'after',
  'before',
  'since',
  'so',
  'than',
  'to',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'not',
  'also',
  'and',
  'in',
  'on',
  'at',
  'with',
  'for',
  'by',
  'from',
  'during',
  'about',
  'into',
  'against',
  'under',
  'over',
  'what',
  'how',
  'why',
  'there',
  'here',
  'said',
  'says',
  'although',
  'though',
  'yet',
  'even',
  'until',
  'unless',
]);

const DETERMINERS = new Set<string>([
  ...ARTICLES,
  ...POSSESSIVES,
  ...DEMONSTRATIVES,
  'that',
  'another',
  'one',
  'two',
  'three',
  'several',
  'many',
  'some',
  'both',
  'other',
  'most',
]);

const MAX_WORDS = 12;

/** The mention that ends right before tokens[cueIndex], or undefined. */
export function findSpeakerBefore(
  tokens: readonly Token[],
  cueIndex: number,
  cues: CueLexicon,
  floor = 0,
): Mention | undefined {
  let end = cueIndex - 1;
  // Auxiliaries and adverbs between subject and cue: `has also said`, `unanimously approved`.
  while (
    end >= floor &&
    (SKIPPED.has((tokens[end] as Token).lower) || /^\p{Ll}+ly$/u.test((tokens[end] as Token).text))
  )
    end--;
  if (end < floor) return undefined;
  // `Mr Straw last week said`, `the minister on Monday said`: a time phrase between subject and cue.
  while (end - 1 >= floor && isTimePhrase(tokens[end - 1] as Token, tokens[end] as Token)) end -= 2;
  if (end < floor) return undefined;
  if ((tokens[end] as Token).lower === 'who') {
    // `O'Donnell, who said in an interview that ...`: the relative pronoun is the local mention, as
    // `he` is, standing for the phrase before it (and its comma).
    const head = SETS_OFF.has((tokens[end - 1] as Token | undefined)?.text ?? '') ? end - 2 : end - 1;
    const antecedent = nounPhraseEndingAt(tokens, head, cues, floor);
    return antecedent ? { ...mentionOf(tokens, end, end), antecedent } : undefined;
  }
  if ((tokens[end] as Token).text === ')') {
    // "The Iraqi Resistance Coordination Commission (IRCC) has said": the name before the brackets.
    let bracket = end - 1;
    while (bracket > floor && bracket > end - 8 && (tokens[bracket] as Token).text !== '(') bracket--;
    if ((tokens[bracket] as Token).text === '(') end = bracket - 1;
  }
  if (end < floor) return undefined;
  if (SETS_OFF.has((tokens[end] as Token).text)) {
    // `Dr Gibbons praised her, saying`: a participle after a comma has no subject of its own.
    if ((tokens[cueIndex] as Token).lower.endsWith('ing') && end === cueIndex - 1) return undefined;
    return appositiveSubject(tokens, end, cues, floor);
  }
  const phrase = nounPhraseBounds(tokens, end, cues, floor);
  if (!phrase) return undefined;
  // `Taylor wrote to the watchdog saying`, `issued a statement saying`: a participle's subject is the
  // clause's, and the phrase right before it is an object when a verb or preposition precedes it.
  const before = tokens[phrase.first - 1];
  const participle = (tokens[cueIndex] as Token).lower.endsWith('ing') && end === cueIndex - 1;
  if (participle && phrase.first > floor && before?.word && !BEFORE_SUBJECT.has(before.lower)) return undefined;
  return mentionOf(tokens, phrase.first, phrase.last);
}

/** Marks that set off an appositive: commas, and dashes (`Alan Beith - who chairs the committee - said`). */
const SETS_OFF = new Set([',', '-', '\u2013', '\u2014']);

/** Tokens that can stand right before the subject of a clause (`, and Tony Lloyd, the MP, said`). */
const BEFORE_SUBJECT = new Set([',', ';', ':', '"', '“', '‘', '(', '—', '–', 'and', 'but', 'that', 'while', 'as']);
const APPOSITIVE_REACH = 30;

/**
 * Appositives between subject and cue (`Robert Jackson, 58, MP for Wantage, said`, `Tony Lloyd, the
 * Manchester Central MP, whose constituency ..., has pledged`): the subject is the leftmost noun
 * phrase of the comma-separated run that opens a clause, not the appositive nearest the cue.
 */
function appositiveSubject(
  tokens: readonly Token[],
  trailingComma: number,
  cues: CueLexicon,
  floor: number,
): Mention | undefined {
  const commas: number[] = [];
  for (let k = trailingComma - 1; k >= floor && k > trailingComma - APPOSITIVE_REACH; k--) {
    if (SETS_OFF.has((tokens[k] as Token).text)) commas.unshift(k);
  }
  for (const comma of commas) {
    const phrase = nounPhraseBounds(tokens, comma - 1, cues, floor);
    if (!phrase) continue;
    const before = tokens[phrase.first - 1];
    if (phrase.first > floor && before && !BEFORE_SUBJECT.has(before.lower)) continue;
    const lone = phrase.first === phrase.last ? (tokens[phrase.first] as Token) : undefined;
    // `Robert Jackson, 58, ...`, `However, one dealer, who ..., told`: an age or a sentence adverb is no subject.
    if (lone && (/^\p{N}/u.test(lone.text) || SKIPPED.has(lone.lower))) continue;
    return mentionOf(tokens, phrase.first, phrase.last);
  }
  const nearest = commas[commas.length - 1];
  return nearest === undefined ? undefined : nounPhraseEndingAt(tokens, nearest - 1, cues, floor);
}

/** The noun phrase whose last token is tokens[head], read backwards, or undefined. */
function nounPhraseEndingAt(
  tokens: readonly Token[],
  head: number,
  cues: CueLexicon,
  floor: number,
): Mention | undefined {
  const phrase = nounPhraseBounds(tokens, head, cues, floor);
  return phrase ? mentionOf(tokens, phrase.first, phrase.last) : undefined;
}

function nounPhraseBounds(
  tokens: readonly Token[],
  head: number,
  cues: CueLexicon,
  floor: number,
): { first: number; last: number } | undefined {
  if (head < floor) return undefined;
  const last = tokens[head] as Token;
  if (PRONOUNS.has(last.lower)) return { first: head, last: head };
  let first = head;
  let words = 0;
  for (let i = head; i >= floor; i--) {
    const token = tokens[i] as Token;
    if (!token.word) {
      if (token.text === '-' || token.text === '\u2019' || token.text === "'") continue;
      if (token.text === '.' && i > floor && isAbbreviation(tokens[i - 1] as Token)) continue;
      if (token.text === ')') {
        // "Rep. Gwen Moore (D-Wis.) said": keep the bracket inside the mention.
        let open = i - 1;
        while (open > floor && open > i - 10 && (tokens[open] as Token).text !== '(') open--;
        if ((tokens[open] as Token).text === '(') {
          i = open;
          continue;
        }
      }
      break;
    }
    if (cues.speech.has(token.lower) || cues.naming.has(token.lower)) break;
    if (QUALIFYING.has(token.lower) && words > 0 && qualifiesNoun(tokens[i - 1], cues)) {
      // `Police in Calloway`, `the MP for Ealing North`: the place qualifies the speaker, who heads the phrase.
      words++;
      continue;
    }
    if (CLAUSE_WORDS.has(token.lower) && !(token.lower === 'and' && bothCapitalised(tokens, i))) break;
    if (PRONOUNS.has(token.lower)) break;
    if (++words > MAX_WORDS) return undefined;
    first = i;
  }
  if (words === 0) return undefined;
  // A phrase opens with a determiner, a capital or a number; drop lower-case words before that.
  while (first < head && !opensPhrase(tokens[first] as Token)) first++;
  if (!opensPhrase(tokens[first] as Token) && !(tokens[first] as Token).lower.endsWith('s')) return undefined;
  return { first, last: head };
}

/** The mention right after tokens[cueIndex] (`said Caddell`, `said the senator`), or undefined. */
export function findSpeakerAfter(tokens: readonly Token[], cueIndex: number, cues: CueLexicon): Mention | undefined {
  const first = cueIndex + 1;
  const token = tokens[first];
  if (!token?.word) return undefined;
  if (PRONOUNS.has(token.lower)) return mentionOf(tokens, first, first);
  // `said team-mate Chris Paterson`, `said striker Ali Dia`: a bare role before the name.
  if (!opensPhrase(token) && !beforeName(tokens, first, cues)) return undefined;
  let last = first;
  for (let i = first + 1; i < tokens.length && i < first + MAX_WORDS; i++) {
    const next = tokens[i] as Token;
    if (
      next.text === '.' &&
      isAbbreviation(tokens[i - 1] as Token) &&
      tokens[i + 1] &&
      isCapitalised(tokens[i + 1] as Token)
    )
      continue;
    // `Ladbrokes' Warren Lush`: a possessive mark stays inside the phrase.
    const possessive = (next.text === "'" || next.text === '\u2019') && /s$/u.test((tokens[i - 1] as Token).lower);
    if (!next.word && next.text !== '-' && !possessive) break;
    // `say two reports`: after a determiner or number a cue form is a noun.
    const noun = DETERMINERS.has((tokens[i - 1] as Token).lower) || /^\p{N}/u.test((tokens[i - 1] as Token).text);
    if (next.word && (CLAUSE_WORDS.has(next.lower) || (cues.speech.has(next.lower) && !noun))) {
      if (!(next.lower === 'of' || (next.lower === 'and' && bothCapitalised(tokens, i)))) break;
    }
    last = i;
  }
  while (last > first && ['of', 'and', 'the'].includes((tokens[last] as Token).lower)) last--;
  return mentionOf(tokens, first, last);
}

/**
 * The subject at the start of a clause: its opening words up to the first verb-looking word
 * (`Al-Kaabi denounced the ... and said` gives `Al-Kaabi`). Used when a cue follows `and`.
 */
export function findClauseSubject(
  tokens: readonly Token[],
  from: number,
  to: number,
  cues: CueLexicon,
): Mention | undefined {
  let start = from;
  // Skip an opening adverbial: "Elsewhere in his remarks, Khazali warned", but not a clause that
  // has its subject and verb before the comma ("He defended the package, saying").
  for (let i = from; i < to && i < from + 8; i++) {
    const token = tokens[i] as Token;
    if (PRONOUNS.has(token.lower) || cues.speech.has(token.lower) || /\p{L}ed$/u.test(token.lower)) break;
    if (token.text === ',') {
      start = i + 1;
      break;
    }
  }
  for (let i = start; i < to && i < start + MAX_WORDS; i++) {
    const token = tokens[i] as Token;
    if (cues.speech.has(token.lower) || cues.naming.has(token.lower) || /ed$/.test(token.lower)) {
      return findSpeakerBefore(tokens, i, cues, start);
    }
  }
  return undefined;
}

const TIME_NOUNS =
  /^(?:week|weekend|month|year|night|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;

/** `last week`, `on Monday`, `this year`. */
function isTimePhrase(first: Token, second: Token): boolean {
  return /^(?:last|this|next|on|earlier|later)$/u.test(first.lower) && TIME_NOUNS.test(second.lower);
}

/** Whether tokens[first] starts a run of at most two lower-case nouns that a capitalised name follows. */
function beforeName(tokens: readonly Token[], first: number, cues: CueLexicon): boolean {
  for (let i = first; i < first + 3; i++) {
    const token = tokens[i];
    if (!token?.word) return false;
    if (isCapitalised(token)) return i > first;
    if (CLAUSE_WORDS.has(token.lower) || cues.speech.has(token.lower) || PRONOUNS.has(token.lower)) return false;
  }
  return false;
}

/** Prepositions that can tie a place or body to the noun before them (`police in Calloway`). */
const QUALIFYING = new Set(['in', 'at', 'for', 'from']);

/** A noun that a prepositional phrase can qualify: a capitalised word or a role or group noun. */
function qualifiesNoun(token: Token | undefined, cues: CueLexicon): boolean {
  if (!token?.word || CLAUSE_WORDS.has(token.lower) || SKIPPED.has(token.lower)) return false;
  const singular = token.lower.replace(/s$/u, '');
  return (
    isCapitalised(token) ||
    [token.lower, singular].some((noun) => cues.roleNouns.has(noun) || cues.groupNouns.has(noun))
  );
}

const ABBREVIATIONS = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Jr|Sr|St|Prof|Rev|Hon|\p{Lu})$/u;

function isAbbreviation(token: Token): boolean {
  return ABBREVIATIONS.test(token.text);
}

function opensPhrase(token: Token): boolean {
  return isCapitalised(token) || DETERMINERS.has(token.lower) || /^\p{N}/u.test(token.text);
}

function bothCapitalised(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return !!before && !!after && isCapitalised(before) && isCapitalised(after);
}

function mentionOf(tokens: readonly Token[], first: number, last: number): Mention {
  return { start: (tokens[first] as Token).start, end: (tokens[last] as Token).end };
}
