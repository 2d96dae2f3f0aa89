/**
 * Reported (indirect) speech: `X said (that) CLAUSE`, `CLAUSE, X said.`, `X warned of NP`,
 * `, saying/adding that CLAUSE` (speaker of the main clause) and `according to X, CLAUSE`. The
 * content runs from after the cue (and any medium, date or addressee) to the end of the sentence,
 * without the final stop; it includes `that`, as PolNeAR does, and any partial quote inside it.
 */

import { partitionPoint } from '../../model/index.js';
import { type Cue, type Finding, type QuoteContext, type Range, sentenceAt } from './context.js';
import { cueAt } from './cues.js';
import { findMedium } from './medium.js';
import { findClauseSubject, findSpeakerAfter, findSpeakerBefore, type Mention } from './speaker.js';
import { countWords, type Token, tokenize } from './tokens.js';
import { ADDRESSEE, COMMISSIVE, FORMS_OF_BE } from './word-classes.js';

const MIN_WORDS = 3;
const SUBJECTS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'there']);

export function findReportedSpeech(context: QuoteContext, marked: readonly Finding[]): Finding[] {
  const { text, cues } = context;
  const findings: Finding[] = [];
  // Cues of partial quotes stay free: `Trump says voter fraud “would be ...”` is reported speech ending in a quote.
  const usedCues = new Set(
    marked.flatMap((finding) =>
      finding.cue && (finding.kind === 'direct' || finding.kind === 'indirect') ? [finding.cue.start] : [],
    ),
  );
  const direct = marked.filter((finding) => finding.kind === 'direct');
  // Character masks and a per-sentence table rather than scans of every finding for every token:
  // a long document has thousands of quotes, and those scans made it quadratic.
  const inDirect = new Uint8Array(text.length + 1);
  for (const finding of direct) inDirect.fill(1, finding.open ?? finding.start, (finding.close ?? finding.end) + 1);
  const taken = new Uint8Array(text.length + 1);
  const speakerOfSentence = firstSpeakerBySentence(context, marked);
  const directIndex = new QuoteMarksIndex(direct);
  const othersIndex = new QuoteMarksIndex(marked.filter((finding) => finding.kind !== 'direct'));
  for (const sentence of context.sentences) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    let mainSpeaker: Mention | undefined = speakerOfSentence.get(sentence);
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k] as Token;
      if (inDirect[token.start] || usedCues.has(token.start)) continue;
      const according = token.lower === 'according' && tokens[k + 1]?.lower === 'to';
      const lemma = according ? 'according to' : cueAt(tokens, k, cues);
      if (!lemma) continue;
      const cue: Cue = { start: token.start, end: according ? (tokens[k + 1] as Token).end : token.end, lemma };
      const found = according
        ? reportAccordingTo(context, sentence, tokens, k, cue)
        : reportAround(context, sentence, tokens, k, cue, mainSpeaker);
      for (const part of [found ?? []].flat()) {
        const content = extendOverQuotes(
          context,
          clipBeforeNextSpeaker(context, tokens, k, clipContent(text, part, directIndex)),
          othersIndex,
        );
        if (!content || countWords(text.slice(content.start, content.end)) < MIN_WORDS) continue;
        if (taken.subarray(content.start, content.end).some(Boolean)) continue;
        taken.fill(1, content.start, content.end);
        findings.push({ ...part, ...content });
        mainSpeaker ??= part.speaker;
      }
    }
  }
  return findings;
}

/** Each sentence (as held in `context.sentences`) -> the speaker of the first marked quote, in finding order, inside it. */
function firstSpeakerBySentence(context: QuoteContext, marked: readonly Finding[]): Map<Range, Mention> {
  const bySentence = new Map<Range, Mention>();
  for (const finding of marked) {
    const speaker = finding.speaker;
    if (!speaker) continue;
    const sentence = sentenceAt(context, speaker.start);
    if (speaker.start < sentence.start || speaker.end > sentence.end || bySentence.has(sentence)) continue;
    bySentence.set(sentence, speaker);
  }
  return bySentence;
}

/** `X said (that) CLAUSE`, `, saying CLAUSE` or `CLAUSE, X said.` around the cue at tokens[k]. */
function reportAround(
  context: QuoteContext,
  sentence: Range,
  tokens: readonly Token[],
  k: number,
  cue: Cue,
  mainSpeaker: Mention | undefined,
): Finding | Finding[] | undefined {
  const { text, cues } = context;
  const token = tokens[k] as Token;
  const participle = token.lower.endsWith('ing') && tokens[k - 1]?.text === ',';
  // `a broadcast announcing the measure`: an -ing form is a verb of its own only as `, saying` or
  // after a form of be; otherwise it modifies the noun before it, which is then no speaker.
  if (token.lower.endsWith('ing') && !participle && !FORMS_OF_BE.includes(tokens[k - 1]?.lower as never))
    return undefined;
  let speaker = participle
    ? (mainSpeaker ?? findClauseSubject(tokens, 0, k, cues))
    : findSpeakerBefore(tokens, k, cues);
  if (!speaker && !participle && !token.lower.endsWith('ing') && ['and', 'but'].includes(tokens[k - 1]?.lower ?? '')) {
    speaker = findClauseSubject(tokens, 0, k, cues);
  }
  if (!speaker && !participle) {
    // `..., said the senator.`
    const after = findSpeakerAfter(tokens, k, cues);
    if (after && tokens[k - 1]?.text === ',') {
      // `If Steam works, said Mr Fahey, other makers may follow`: a parenthetical attribution
      // splits the words, and each part is reported, sharing the speaker (as split direct quotes are).
      const resume = tokens.findIndex((other) => other.start >= after.end);
      const lead: Finding = {
        kind: 'indirect',
        rule: 'indirect-content-cue-speaker',
        start: sentence.start,
        end: tokens[k - 1]!.start,
        speaker: after,
        cue,
      };
      // An appositive of the speaker (`said Matt Baker, a former commissioner`) or a relative clause
      // (`, who ...`) after the comma is no second part of what was said.
      const resumed = tokens[resume]?.text === ',' ? tokens[resume + 1] : undefined;
      if (!resumed?.word || DESCRIBES_SPEAKER.has(resumed.lower)) return lead;
      return [lead, { ...lead, rule: 'indirect-cue-speaker-parenthetical', start: resumed.start, end: sentence.end }];
    }
    return undefined;
  }
  const speakerFirst = tokens.findIndex((other) => other.start === speaker?.start);
  const beforeSpeaker = tokens[speakerFirst - 1];
  const rest = tokens.slice(k + 1).filter((other) => other.word);
  const endsSentence =
    rest.length === 0 ||
    isTrailer(text, cue.end, sentence.end, context) ||
    (ADDRESSEE.has(cue.lemma) && endsAfterAddressee(context, tokens, k, sentence.end));
  // `At the time, she said, Grayson was trying ...`: the attribution splits what was said in two.
  const resumed =
    !participle && beforeSpeaker?.text === ',' && speakerFirst > 0
      ? resumeAfterAttribution(context, tokens, k)
      : undefined;
  if (!participle && beforeSpeaker?.text === ',' && speakerFirst > 0 && (endsSentence || resumed !== undefined)) {
    const lead: Finding = {
      kind: 'indirect',
      rule: 'indirect-content-speaker-cue',
      start: sentence.start,
      end: beforeSpeaker.start,
      speaker,
      cue,
    };
    return resumed === undefined
      ? lead
      : [lead, { ...lead, rule: 'indirect-speaker-cue-parenthetical', start: resumed, end: sentence.end }];
  }
  const contentStart = skipToContent(context, tokens, k, cue.lemma);
  if (contentStart === undefined) return undefined;
  // `continued to target`, `wants to say`: a verb chain, not reported content.
  if (text.startsWith('to ', contentStart) && !ADDRESSEE.has(cue.lemma) && !COMMISSIVE.has(cue.lemma)) return undefined;
  // `proposed the idea earlier this week`, `than he predicted in his budget`: what is reported is a
  // clause, or the topic of `warned of` / `spoke about` or an addressee's errand (`urged them to`).
  const topic = /\b(?:of|about|to)\s+$/u.test(text.slice(Math.max(0, contentStart - 7), contentStart));
  // `which he wrote, directed and starred in`: a verb coordinated with the cue, not its content.
  if (text.slice(cue.end, contentStart).includes(',') && /^\p{Ll}+ed\b/u.test(text.slice(contentStart)))
    return undefined;
  if (!topic && !readsAsContent(tokens.filter((other) => other.start >= contentStart))) return undefined;
  return {
    kind: 'indirect',
    rule: participle ? 'indirect-participle' : 'indirect-speaker-cue-content',
    start: contentStart,
    end: sentence.end,
    speaker,
    cue,
  };
}

const CLAUSE_OPENERS = new Set(['that', 'if', 'whether', 'how', 'why', 'what', 'when', 'where', 'who']);
const FINITE_AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'does',
  'did',
  'do',
  'won’t',
  "won't",
]);
const CLAUSE_REACH = 15;

/**
 * Whether words can be what someone said: a clause (opened by `that`, `whether` or a wh-word, or
 * holding a finite verb) or a noun phrase (`denied any wrongdoing`), but not a phrase that only
 * continues the verb (`predicted in his budget`, `called in administrators`, `wrote, directed and starred in`).
 */
function readsAsContent(tokens: readonly Token[]): boolean {
  const words = tokens.filter((token) => token.word).slice(0, CLAUSE_REACH);
  const first = words[0];
  if (!first || tokens[0]?.word === false) return false;
  if (CLAUSE_OPENERS.has(first.lower)) return true;
  if (words.slice(0, 2).some((token) => SUBJECTS.has(token.lower))) return true;
  if (words.some((token) => FINITE_AUXILIARIES.has(token.lower) || /^\p{L}+['’](?:re|ve|ll|d)$/u.test(token.lower)))
    return true;
  return !VERB_CONTINUATIONS.has(first.lower);
}

/** Words that continue a verb rather than open what it reports: particles, prepositions, conjunctions. */
const VERB_CONTINUATIONS = new Set([
  'in',
  'on',
  'at',
  'with',
  'for',
  'from',
  'by',
  'into',
  'out',
  'up',
  'down',
  'off',
  'over',
  'under',
  'and',
  'or',
  'but',
  'as',
  'than',
  'so',
]);

/** `According to X, CLAUSE.` and `CLAUSE, according to X.` */
function reportAccordingTo(
  context: QuoteContext,
  sentence: Range,
  tokens: readonly Token[],
  k: number,
  cue: Cue,
): Finding | Finding[] | undefined {
  const speaker = findSpeakerAfter(tokens, k + 1, context.cues);
  if (!speaker) return undefined;
  const afterSpeaker = tokens.findIndex((token) => token.start >= speaker.end);
  if (k === 0 && tokens[afterSpeaker]?.text === ',') {
    const next = tokens[afterSpeaker + 1];
    return next
      ? { kind: 'indirect', rule: 'indirect-according-to', start: next.start, end: sentence.end, speaker, cue }
      : undefined;
  }
  if (tokens[k - 1]?.text === ',') {
    const lead: Finding = {
      kind: 'indirect',
      rule: 'indirect-according-to',
      start: sentence.start,
      end: (tokens[k - 1] as Token).start,
      speaker,
      cue,
    };
    // `Over the long term, according to the budget office, the rise in deficits is ...`: two parts.
    const resumed = tokens[afterSpeaker]?.text === ',' ? tokens[afterSpeaker + 1] : undefined;
    if (!resumed?.word || DESCRIBES_SPEAKER.has(resumed.lower)) return lead;
    return [lead, { ...lead, start: resumed.start, end: sentence.end }];
  }
  return undefined;
}

/** The first content token after a cue, past `on Thursday`, `in a statement`, an addressee and `of`. */
function skipToContent(context: QuoteContext, tokens: readonly Token[], k: number, lemma: string): number | undefined {
  const { text, cues } = context;
  let i = k + 1;
  const medium = findMedium(
    text,
    (tokens[k] as Token).end,
    (tokens[Math.min(k + 10, tokens.length - 1)] as Token).end,
    cues,
  );
  if (medium && medium.start <= ((tokens[i] as Token | undefined)?.start ?? 0) + 1) {
    while (i < tokens.length && (tokens[i] as Token).start < medium.end) i++;
  }
  if (tokens[i]?.lower === 'on' && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) i += 2;
  while (tokens[i]?.text === ',') i++;
  if (ADDRESSEE.has(lemma)) {
    const limit = Math.min(tokens.length, i + 8);
    let j = i;
    const opensContent = (word: string) =>
      word === 'that' || (lemma === 'ask' ? QUESTION_OPENERS : TOLD_OPENERS).has(word);
    while (
      j < limit &&
      !opensContent((tokens[j] as Token).lower) &&
      !['to', 'of', 'about'].includes((tokens[j] as Token).lower)
    )
      j++;
    const subject = tokens.findIndex((token, index) => index >= i && index < limit && SUBJECTS.has(token.lower));
    if (j < limit && (subject < 0 || j < subject)) i = opensContent((tokens[j] as Token).lower) ? j : j + 1;
    else if (subject > i)
      i = subject; // `told the forum he was ...`
    else if (lemma === 'tell' || lemma === 'ask') return undefined;
  } else if (tokens[i]?.lower === 'of' || tokens[i]?.lower === 'about') i++;
  const first = tokens[i];
  if (!first || (!first.word && /[“"‘«]/.test(first.text))) return undefined;
  return first.start;
}

/** What opens the question after `asked (them)`: `whether`, `if`, a wh-word. */
const QUESTION_OPENERS = new Set(['whether', 'if', 'why', 'how', 'what', 'when', 'where', 'who']);
/** What opens the words after `told (reporters)` besides `that`. */
const TOLD_OPENERS = new Set(['whether', 'how', 'why']);

/**
 * `..., he told reporters.`, `..., Phil Smith told POLITICO earlier this week.`: after a cue whose
 * object is the addressee, the addressee and then nothing but a trailer.
 */
function endsAfterAddressee(context: QuoteContext, tokens: readonly Token[], k: number, end: number): boolean {
  for (let i = k + 1; i < tokens.length && i <= k + 6; i++) {
    const token = tokens[i] as Token;
    if (!token.word || SUBJECTS.has(token.lower) || OPENS_WORDS.has(token.lower)) return false;
    if (isTrailer(context.text, token.end, end, context)) return true;
  }
  return false;
}
const OPENS_WORDS = new Set(['that', 'to', 'of', 'about', 'whether', 'if', 'how', 'why']);

/** True when nothing but a medium, a date or a stop follows the cue (`, he said on Thursday.`). */
function isTrailer(text: string, from: number, to: number, context: QuoteContext): boolean {
  const rest = text.slice(from, to);
  if (/^[\s.!?"”’]*$/u.test(rest)) return true;
  if (/^\s*,/.test(rest)) return true;
  const medium = findMedium(text, from, to, context.cues);
  const stripped = (medium ? text.slice(from, medium.start) + text.slice(medium.end, to) : rest)
    .replace(/\b(?:on|last|this|in)\s+\p{Lu}\p{L}+(?:\s+\d{1,2})?/gu, '')
    .replace(/\b(?:yesterday|today|earlier|later)\b/gu, '');
  return /^[\s.,!?"”’]*$/u.test(stripped);
}

/** Words after a comma that describe the speaker just named rather than go on with what was said. */
const DESCRIBES_SPEAKER = new Set([
  'who',
  'whom',
  'whose',
  'which',
  'where',
  'a',
  'an',
  'the',
  'his',
  'her',
  'their',
  'its',
]);

/**
 * Where what was said resumes after a parenthetical attribution (`X, he said on Tuesday, Y`): the
 * first word after the comma that closes it, when only a medium or a date stands between the cue
 * and that comma and the words after it are no new clause of saying (`, adding ...`).
 */
function resumeAfterAttribution(context: QuoteContext, tokens: readonly Token[], k: number): number | undefined {
  const cueEnd = (tokens[k] as Token).end;
  for (let c = k + 1; c < tokens.length; c++) {
    const comma = tokens[c] as Token;
    if (comma.text !== ',') continue;
    if (!isTrailer(context.text, cueEnd, comma.start, context)) return undefined;
    const next = tokens[c + 1];
    if (!next?.word || cueAt(tokens, c + 1, context.cues)) return undefined;
    return next.start;
  }
  return undefined;
}

/**
 * Reported speech that runs into a partial quote ends where the quote's sentence ends, even when
 * the sentence splitter cut inside the quote (`told Fox that "they hit Matt ... tougher. ... What"`).
 * One pass over the quote findings in their order, the end growing as it goes.
 */
function extendOverQuotes(
  context: QuoteContext,
  content: Range | undefined,
  others: QuoteMarksIndex,
): Range | undefined {
  if (!content) return content;
  const reach = (finding: Finding) => {
    const close = finding.close ?? finding.end;
    const sentence = sentenceAt(context, close);
    return Math.max(close + 1, close >= sentence.start && close < sentence.end ? sentence.end : 0);
  };
  let end = content.end;
  for (const finding of others.openingWithin(content.start, content.end, reach)) {
    const open = finding.open ?? finding.start;
    const close = finding.close ?? finding.end;
    if (open >= end || close < end) continue;
    end = Math.max(end, reach(finding));
    while (end > close + 1 && /[\s.,;:!?]/.test(context.text[end - 1] as string)) end--;
  }
  return { start: content.start, end };
}

/**
 * Quote findings sorted by their opening mark, with the furthest closing mark among each prefix, so
 * that "which quotes open inside this range" and "does one straddle its start" are binary searches.
 */
class QuoteMarksIndex {
  /** Positions in `findings`, sorted by opening mark. */
  private readonly byOpen: number[];
  private readonly opens: number[];
  private readonly furthestClose: number[];

  constructor(readonly findings: readonly Finding[]) {
    const openOf = (finding: Finding) => finding.open ?? finding.start;
    this.byOpen = findings
      .map((_, i) => i)
      .sort((a, b) => openOf(findings[a] as Finding) - openOf(findings[b] as Finding) || a - b);
    this.opens = this.byOpen.map((position) => openOf(findings[position] as Finding));
    let furthest = Number.NEGATIVE_INFINITY;
    this.furthestClose = this.byOpen.map((position) => {
      const finding = findings[position] as Finding;
      furthest = Math.max(furthest, finding.close ?? finding.end);
      return furthest;
    });
  }

  /** Index into byOpen of the first finding opening at or after `offset`. */
  private firstFrom(offset: number): number {
    return partitionPoint(this.opens.length, (i) => (this.opens[i] as number) < offset);
  }

  /**
   * In finding order, every finding opening in [start, end) where `end` grows to the reach of each
   * finding taken: all that a single growing pass from `end` could ever look at.
   */
  openingWithin(start: number, end: number, reach: (finding: Finding) => number): Finding[] {
    const positions: number[] = [];
    let bound = end;
    for (let i = this.firstFrom(start); i < this.opens.length && (this.opens[i] as number) < bound; i++) {
      const position = this.byOpen[i] as number;
      positions.push(position);
      bound = Math.max(bound, reach(this.findings[position] as Finding));
    }
    return positions.sort((a, b) => a - b).map((position) => this.findings[position] as Finding);
  }

  /** The earliest opening mark in [start, end), if any. */
  firstOpenIn(start: number, end: number): number | undefined {
    const open = this.opens[this.firstFrom(start)];
    return open !== undefined && open < end ? open : undefined;
  }

  /** Whether a quote opens before `offset` and closes at or after it. */
  straddles(offset: number): boolean {
    const before = this.firstFrom(offset) - 1;
    return before >= 0 && (this.furthestClose[before] as number) >= offset;
  }
}

/**
 * Content cut before the next clause that has a speaker and cue of its own (`before Newcastle said
 * the player would not be sold, Bellamy insisted he ...`): each verb of saying reports its own words.
 */
function clipBeforeNextSpeaker(
  context: QuoteContext,
  tokens: readonly Token[],
  cueIndex: number,
  content: Range | undefined,
): Range | undefined {
  if (!content) return content;
  for (let j = cueIndex + 1; j < tokens.length; j++) {
    const token = tokens[j] as Token;
    if (token.start < content.start) continue;
    if (token.end > content.end) break;
    if (!cueAt(tokens, j, context.cues)) continue;
    if (continuesSpeaker(tokens, cueIndex, j)) {
      // `Ryan said he was "not ready" ..., and suggested that ...`: a second verb of saying of the same
      // subject reports words of its own.
      const cut = tokens[j - 2]?.text === ',' ? (tokens[j - 2] as Token) : (tokens[j - 1] as Token);
      if (cut.start > content.start) {
        let end = cut.start;
        while (end > content.start && /\s/.test(context.text[end - 1] as string)) end--;
        return end > content.start ? { start: content.start, end } : undefined;
      }
    }
    const speaker = findSpeakerBefore(tokens, j, context.cues);
    const first = speaker ? tokens.findIndex((other) => other.start === speaker.start) : -1;
    // `, X said`, and a clause of its own joined on (`..., and he added that ...`, `; but the team denied`).
    const joined =
      ['and', 'but'].includes(tokens[first - 1]?.lower ?? '') && /^[,;]$/u.test(tokens[first - 2]?.text ?? '');
    const comma = joined ? tokens[first - 2] : tokens[first - 1];
    if (!speaker || !comma || !/^[,;]$/u.test(comma.text) || comma.start <= content.start) continue;
    let end = comma.start;
    while (end > content.start && /\s/.test(context.text[end - 1] as string)) end--;
    return end > content.start ? { start: content.start, end } : undefined;
  }
  return content;
}

/**
 * Whether the cue at tokens[j] is a second verb of the subject of the cue at tokens[cueIndex]
 * (`said ..., and suggested`): joined by `and` right before it, in the same form (both past, or both
 * `-ing` participles).
 */
function continuesSpeaker(tokens: readonly Token[], cueIndex: number, j: number): boolean {
  if (tokens[j - 1]?.lower !== 'and') return false;
  // `said police arrested and charged him`: without a comma before `and` or `that` after the verb,
  // the verb may belong to the reported clause.
  if (tokens[j - 2]?.text !== ',' && tokens[j + 1]?.lower !== 'that') return false;
  const form = (token: Token) =>
    token.lower.endsWith('ing')
      ? 'ing'
      : token.lower.endsWith('ed') || token.lower === 'said' || token.lower === 'told' || token.lower === 'wrote'
        ? 'past'
        : 'other';
  const cue = form(tokens[cueIndex] as Token);
  return cue !== 'other' && cue === form(tokens[j] as Token);
}

/** Content without the final stop, and cut before a direct quote or a `, saying` clause. */
function clipContent(text: string, found: Range, direct: QuoteMarksIndex): Range | undefined {
  if (direct.straddles(found.start)) return undefined;
  let end = direct.firstOpenIn(found.start, found.end) ?? found.end;
  const participle = /,\s+(?:saying|adding|stressing|noting|arguing|insisting|warning|explaining|claiming)\b/u.exec(
    text.slice(found.start, end),
  );
  if (participle) end = found.start + participle.index;
  let start = found.start;
  while (start < end && /[\s,]/.test(text[start] as string)) start++;
  while (end > start && /[\s.,;:!?—–-]/.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : undefined;
}
