/**
 * Direct, partial and scare quotes from paired quotation marks. A quote that opens its sentence
 * (or follows `said,` / `:`) is direct and takes the cue and speaker after it (`,” he said`,
 * `,” said Caddell`) or before it (`Al-Kaabi ... said, “`). One embedded in a sentence is partial
 * when someone is quoted (a cue governs it, or its words come from another quote in the article)
 * and scare otherwise: short, near a naming verb (`what Washington calls an “advisory” mission`)
 * or with no cue at all.
 */

import { type Finding, paragraphAt, paragraphIndex, type QuoteContext, sentenceAt } from './context.js';
import { type CueLexicon, cueAt } from './cues.js';
import { findQuotedRegions, type QuotedRegion } from './marks.js';
import { findDatePhrase, findMedium } from './medium.js';
import { findClauseSubject, findSpeakerAfter, findSpeakerBefore, type Mention } from './speaker.js';
import { normaliseStatement } from './statements.js';
import { countWords, type Token, tokenize } from './tokens.js';
import { ADDRESSEE, CIRCUMSTANCE_PREPOSITIONS } from './word-classes.js';

const SHORT_WORDS = 3;

export function findMarkedQuotes(context: QuoteContext): Finding[] {
  const regions = findQuotedRegions(context.text);
  const findings: Finding[] = [];
  regions.forEach((region, index) => {
    const previous = regions[index - 1];
    const next = regions[index + 1];
    const finding = attributeRegion(context, region, previous, next, findings);
    if (!finding) return;
    findings.push(finding);
    const reported =
      finding.introducedAt === undefined
        ? undefined
        : reportedAround(context, finding, finding.introducedAt, next?.open);
    if (reported) findings.push(reported);
  });
  attributeEchoes(context, findings);
  return findings;
}

function attributeRegion(
  context: QuoteContext,
  region: QuotedRegion,
  previous: QuotedRegion | undefined,
  next: QuotedRegion | undefined,
  earlier: readonly Finding[],
): (Finding & { introducedAt?: number }) | undefined {
  const { text, cues } = context;
  const sentence = sentenceAt(context, region.open);
  const beforeFrom =
    previous && previous.close < region.open && previous.close >= sentence.start ? previous.close + 1 : sentence.start;
  const afterTo = Math.min(
    afterContextEnd(context, region),
    next && next.open > region.close ? next.open : text.length,
  );
  const before = tokenize(text, Math.min(beforeFrom, region.open), region.open);
  const after = region.close < text.length ? tokenize(text, region.close + 1, afterTo) : [];
  const base = {
    start: region.start,
    end: region.end,
    open: region.open,
    close: region.close,
    ...(region.unclosed ? { unclosed: true } : {}),
  };

  const opensSentence = before.every((token) => !token.word);
  const closesSentence = /[.!?]$/u.test(text.slice(region.start, region.end));
  const fromAfter = attributeAfter(after, context, closesSentence);
  let fromBefore = attributeBefore(context, before, sentence.start, region.open);
  if (fromBefore?.introduces && !introducesDirectly(context, before, region, afterTo)) fromBefore = undefined;
  if (fromBefore?.reportedFrom !== undefined && !fromAfter) {
    // `Trump tweeted that, “...”`: a partial quote ending reported speech, which starts after the cue.
    const finding = { ...base, kind: 'partial' as const, ...fromBefore.finding };
    return { ...finding, rule: 'partial-after-reported', introducedAt: fromBefore.reportedFrom };
  }
  if (opensSentence || fromBefore?.introduces) {
    // `But Mr Crosby said in a statement: “...”`: an introduction the quote follows outweighs words after
    // it; one with no verb of saying (`Some of the comments were humorous: “...,” wrote X`) does not
    // outweigh a speaker named with a cue after the quote.
    const guessedIntro = fromBefore?.finding.rule === 'speaker-colon-quote' && fromAfter?.finding.speaker !== undefined;
    const attribution =
      (fromBefore?.introduces && !guessedIntro ? fromBefore : undefined) ??
      fromAfter ??
      fromBefore ??
      introducedByPreviousParagraph(context, region);
    if (attribution) return { ...base, kind: 'direct', ...attribution.finding };
    if (region.marks === 'single' && isWholeParagraph(context, region)) return undefined; // a subhead in quotes
    const continued = continuedFrom(context, region, earlier);
    if (continued !== undefined) {
      const source = earlier[continued] as Finding;
      return { ...base, kind: 'direct', rule: 'quote-continues', cue: source.cue, sharesSpeakerWith: continued };
    }
    return { ...base, kind: 'direct', rule: 'quote-unattributed' };
  }

  // Embedded in a sentence: a partial quote or a scare quote.
  const partial = { ...base, end: trimPartialEnd(text, region.start, region.end) };
  // A title (`“Morning Joe”`, `“13th”`, `‘Disgusting Fraud’`) quotes nobody.
  if (isTitle(text.slice(region.start, region.end))) return { ...partial, kind: 'scare', rule: 'scare-title' };
  const words = countWords(text.slice(region.start, region.end));
  const lastWords = before.filter((token) => token.word).slice(-3);
  // `what Washington calls an “advisory” mission`, `so-called “experts”`: a label, not a quotation.
  const naming = lastWords.findIndex((token) => cues.naming.has(token.lower));
  const namingAt = naming < 0 ? -1 : before.indexOf(lastWords[naming] as Token);
  if (
    namingAt >= 0 &&
    (lastWords[naming]?.lower === 'so-called' ||
      before.slice(Math.max(0, namingAt - 3), namingAt).some((token) => token.lower === 'what'))
  )
    return { ...partial, kind: 'scare', rule: 'scare-naming' };
  const all = tokenize(text, sentence.start, region.open);
  const governing = lastWords.findLast((token) =>
    cueAt(
      all,
      all.findIndex((other) => other.start === token.start),
      cues,
    ),
  );
  if (governing) {
    const cueIndex = all.findIndex((token) => token.start === governing.start);
    const speaker = findSpeakerBefore(all, cueIndex, cues) ?? findClauseSubject(all, 0, cueIndex, cues);
    return { ...partial, kind: 'partial', rule: 'partial-cue-object', speaker, cue: cueOf(context, governing) };
  }
  if (words <= SHORT_WORDS) return { ...partial, kind: 'scare', rule: 'scare-unattributed' };
  const reported = fromAfter ?? reportedBy(context, sentence.start, region.open);
  if (reported) return { ...partial, kind: 'partial', ...reported.finding, rule: 'partial-reported' };
  return { ...partial, kind: 'partial', rule: 'partial-unattributed' };
}

interface Attribution {
  finding: Pick<Finding, 'rule' | 'speaker' | 'cue'>;
  /** True when the words before the quote introduce it (`he said,` / `she added:`). */
  introduces?: boolean;
  /** Where reported words begin, when the quote ends reported speech (`said that, “...`). */
  reportedFrom?: number;
}

/**
 * Where the words after a closing mark stop: the end of the sentence they belong to, which is the
 * next sentence when the splitter cut right after the mark (`itself?” he asks.`), within the paragraph.
 */
function afterContextEnd(context: QuoteContext, region: QuotedRegion): number {
  const { text } = context;
  let next = region.close + 1;
  while (next < text.length && (text[next] === ' ' || text[next] === '\u00a0')) next++;
  if (next >= text.length || text[next] === '\n') return next;
  return sentenceAt(context, next).end;
}

/** `,” he said`, `,” Akram al-Kaabi, the founder of the movement, said`, `,” said Caddell`. */
function attributeAfter(
  tokens: readonly Token[],
  context: QuoteContext,
  closesSentence = false,
): Attribution | undefined {
  let first = 0;
  while (first < tokens.length && !(tokens[first] as Token).word) first++;
  const head = tokens[first];
  if (!head || first > 1) return undefined;
  const { cues } = context;
  if (/^[\u2015\u2014\u2013-]$/.test(tokens[0]?.text ?? '') && head.start < (tokens[0]?.start ?? 0) + 3) {
    // A byline under a quote: “…” ― Pamela Padilla
    const speaker = findSpeakerAfter(tokens, first - 1, cues);
    if (speaker) return { finding: { rule: 'quote-dash-speaker', speaker } };
  }
  if (cueAt(tokens, first, cues)) {
    const speaker = findSpeakerAfter(tokens, first, cues);
    return { finding: { rule: 'quote-cue-speaker', speaker, cue: cueOf(context, head) } };
  }
  for (let k = first + 1; k < tokens.length && k < first + 40; k++) {
    const token = tokens[k] as Token;
    if (!token.word || !cueAt(tokens, k, cues)) continue;
    // `“... getting there.” James Hardie chairwoman, Meredith Hellicar, said the deal ...`: after a
    // quote that ends its sentence, a cue with words of its own opens a new statement.
    if (closesSentence && reportsWordsAfter(context, tokens, k)) return undefined;
    // `... lacking.” A spokesman said: “...`: a cue before a colon introduces the next quote instead.
    if (closesSentence && tokens[k + 1]?.text === ':') return undefined;
    const speaker = findSpeakerBefore(tokens, k, cues, first);
    if (speaker && speaker.start <= (tokens[first + 2] ?? head).start)
      return { finding: { rule: 'quote-speaker-cue', speaker, cue: cueOf(context, token) } };
    // `” Sen. Bernie Sanders (Vt.), who lost the primaries to Clinton, said`: the name before the first comma.
    const comma = tokens.findIndex((other, index) => index > first && index < k && other.text === ',');
    if (comma > first && comma - first <= 10) {
      const name = findSpeakerBefore(tokens, comma, cues, first);
      if (name && name.start === head.start)
        return { finding: { rule: 'quote-speaker-appositive-cue', speaker: name, cue: cueOf(context, token) } };
    }
    return undefined;
  }
  return undefined;
}

/** Whether more than an addressee, medium or date follows the cue at tokens[k] (`said the deal would`). */
function reportsWordsAfter(context: QuoteContext, tokens: readonly Token[], k: number): boolean {
  const words = wordsAfterCue(context, tokens, k);
  if (words.length <= 3) return false;
  // `said to a crowd of about 500.`: a circumstance, unless reported words follow it (`said after the vote that`).
  return !CIRCUMSTANCE_PREPOSITIONS.has((words[0] as Token).lower) || words.some((token) => token.lower === 'that');
}

/** The words after the cue at tokens[cueIndex], leaving out a medium or date phrase (`in a statement on Friday`). */
function wordsAfterCue(context: QuoteContext, tokens: readonly Token[], cueIndex: number): Token[] {
  const cue = tokens[cueIndex] as Token;
  const rest = tokens.slice(cueIndex + 1);
  const end = rest[rest.length - 1]?.end ?? cue.end;
  const medium = findMedium(context.text, cue.end, end, context.cues);
  const date = findDatePhrase(context.text, cue.end, end);
  return rest.filter(
    (token) =>
      token.word &&
      !(medium && token.start >= medium.start && token.end <= medium.end) &&
      !(date && token.start >= date.start && token.end <= date.end),
  );
}

/** `Al-Kaabi denounced the “outrageous” request and said, “...`, `he continued, “...`, `Caddell continued:`. */
function attributeBefore(
  context: QuoteContext,
  tokens: readonly Token[],
  sentenceStart: number,
  open: number,
): Attribution | undefined {
  const last = tokens[tokens.length - 1];
  if (!last) return undefined;
  const { cues } = context;
  const endsIntro = last.text === ',' || last.text === ':' || cueAt(tokens, tokens.length - 1, cues);
  if (!endsIntro) return undefined;
  let cueIndex = -1;
  for (let k = tokens.length - 1; k >= 0 && k >= tokens.length - 12; k--) {
    if (cueAt(tokens, k, cues)) {
      cueIndex = k;
      break;
    }
  }
  if (cueIndex < 0) return attributeWithoutCue(context, tokens, sentenceStart, open);
  const cueToken = tokens[cueIndex] as Token;
  let speaker: Mention | undefined = findSpeakerBefore(tokens, cueIndex, cues);
  // After `told` or `telling` the phrase is the addressee (`told his supporters, “`), never the speaker.
  const lemma = cues.speech.get(cueToken.lower) ?? '';
  const inverts = !ADDRESSEE.has(lemma) && !cueToken.lower.endsWith('ing');
  const named = speaker || !inverts ? undefined : findSpeakerAfter(tokens, cueIndex, cues);
  if (named && onlyAppositiveAfter(tokens, named)) {
    // `,” said Anna Kell, the union leader, “...`: the second part of a quote split by its speaker.
    return { finding: { rule: 'cue-speaker-quote', speaker: named, cue: cueOf(context, cueToken) }, introduces: true };
  }
  if (!speaker) {
    const sentence = tokenize(context.text, sentenceStart, open);
    const index = sentence.findIndex((token) => token.start === cueToken.start);
    speaker = speakerOfEarlierCue(sentence, index, cues) ?? findClauseSubject(sentence, 0, index, cues);
  }
  const reportedFrom = reportedStart(context, tokens, cueIndex);
  return {
    finding: { rule: 'speaker-cue-quote', speaker, cue: cueOf(context, cueToken) },
    introduces: reportedFrom === undefined,
    reportedFrom,
  };
}

/**
 * `“...,” he said, adding: “`, `Lewandowski said, adding:`: a participle after a comma continues the
 * clause of the cue before it, whose speaker it shares.
 */
function speakerOfEarlierCue(sentence: readonly Token[], cueIndex: number, cues: CueLexicon): Mention | undefined {
  const participle = sentence[cueIndex];
  if (!participle?.lower.endsWith('ing') || sentence[cueIndex - 1]?.text !== ',') return undefined;
  for (let k = cueIndex - 2; k >= 0; k--) {
    if (!cueAt(sentence, k, cues)) continue;
    return findSpeakerBefore(sentence, k, cues) ?? findSpeakerAfter(sentence, k, cues);
  }
  return undefined;
}

/** Whether what follows a speaker named after its cue is at most an appositive and the comma or colon before a quote. */
function onlyAppositiveAfter(tokens: readonly Token[], speaker: Mention): boolean {
  const rest = tokens.filter((token) => token.start >= speaker.end);
  if (rest.length === 0) return true;
  const first = rest[0] as Token;
  const last = rest[rest.length - 1] as Token;
  return (first.text === ',' || first.text === ':') && (last.text === ',' || last.text === ':');
}

/**
 * Where reported words begin when the text between a cue and a quote is more than an addressee,
 * medium or date (`said Friday that if his candidate were to win, “...`); undefined when the quote
 * follows the cue directly (`said, “`, `told reporters: “`).
 */
function reportedStart(context: QuoteContext, tokens: readonly Token[], cueIndex: number): number | undefined {
  const between = tokens.slice(cueIndex + 1);
  if (between.length === 0 || between[between.length - 1]?.text === ':') return undefined;
  const cue = tokens[cueIndex] as Token;
  const rest = wordsAfterCue(context, tokens, cueIndex);
  if (rest.length === 0) return undefined;
  const lemma = context.cues.speech.get(cue.lower);
  if ((lemma === 'tell' || lemma === 'ask') && rest.length <= 3 && rest[0]?.lower !== 'that') return undefined;
  return rest[0]?.start;
}

/** `The piece used one of her quotes as its headline: “`, `According to Limbaugh, “`. */
function attributeWithoutCue(
  context: QuoteContext,
  tokens: readonly Token[],
  sentenceStart: number,
  open: number,
): Attribution | undefined {
  const last = tokens[tokens.length - 1];
  const according = tokens.findIndex(
    (token, index) => token.lower === 'according' && tokens[index + 1]?.lower === 'to',
  );
  if (according >= 0 && last?.text === ',') {
    const speaker = findSpeakerAfter(tokens, according + 1, context.cues);
    const cue = {
      start: (tokens[according] as Token).start,
      end: (tokens[according + 1] as Token).end,
      lemma: 'according to',
    };
    if (speaker) return { finding: { rule: 'according-to-quote', speaker, cue }, introduces: true };
  }
  if (last?.text !== ':') return undefined;
  const sentence = tokenize(context.text, sentenceStart, open);
  const speaker = findClauseSubject(sentence, 0, sentence.length, context.cues);
  return speaker ? { finding: { rule: 'speaker-colon-quote', speaker }, introduces: true } : undefined;
}

/** The reported speech that a quote ends: from where its words begin to the end of the quote's sentence. */
function reportedAround(context: QuoteContext, finding: Finding, from: number, nextOpen: number | undefined): Finding {
  const close = (finding.close ?? finding.end) + 1;
  const sentence = sentenceAt(context, close - 2);
  let end = Math.max(sentence.end, close);
  if (nextOpen !== undefined && nextOpen >= close && nextOpen < end) end = nextOpen;
  // `denounced the “outrageous” request and said, “...`: the reported words stop at the quote.
  const tail = tokenize(context.text, close, end);
  if (tail.some((_, index) => cueAt(tail, index, context.cues))) end = close;
  while (end > from && /[\s.,;:!?]/.test(context.text[end - 1] as string)) end--;
  return {
    kind: 'indirect',
    rule: 'indirect-around-quote',
    start: from,
    end,
    speaker: finding.speaker,
    cue: finding.cue,
  };
}

/**
 * Reported speech around partial quotes that no reported-speech span holds yet: a partial quote
 * governed by a cue before it (`said it was “a mistake”`) ends reported words that start after the cue.
 */
export function findReportedAroundPartials(
  context: QuoteContext,
  marked: readonly Finding[],
  reported: readonly Finding[],
): Finding[] {
  const spans = [...marked, ...reported].filter((finding) => finding.kind === 'indirect');
  const added: Finding[] = [];
  marked.forEach((finding, index) => {
    const from = reportedFromCue(context, finding);
    if (from === undefined) return;
    const held = [...spans, ...added].some((span) => span.start <= finding.start && span.end >= finding.end);
    if (held) return;
    const nextOpen = marked
      .slice(index + 1)
      .find((other) => (other.open ?? other.start) > (finding.close ?? finding.end))?.open;
    added.push(reportedAround(context, finding, from, nextOpen));
  });
  return added;
}

/** A partial quote governed by a cue before it (`said it was “a mistake”`): its reported words start after the cue. */
function reportedFromCue(context: QuoteContext, finding: Finding): number | undefined {
  if (finding.kind !== 'partial' || !finding.cue || !finding.speaker || finding.open === undefined) return undefined;
  if (finding.cue.end > finding.open) return undefined;
  const next = tokenize(context.text, finding.cue.end, finding.open).find((token) => token.word);
  return next?.start ?? finding.open;
}

/**
 * A cue right before the marks (`he said “budget reforms” would`) introduces a direct quote only
 * when the quote opens with a capital and ends its sentence; `what it calls “...”` never does.
 */
function introducesDirectly(
  context: QuoteContext,
  before: readonly Token[],
  region: QuotedRegion,
  afterTo: number,
): boolean {
  const last = before[before.length - 1];
  if (!last || last.text === ',' || last.text === ':') return true;
  const words = before.filter((token) => token.word).slice(-4);
  if (context.cues.naming.has(last.lower) && words.some((token) => token.lower === 'what')) return false;
  const rest = context.text.slice(region.close + 1, afterTo);
  return /^\p{Lu}/u.test(context.text.slice(region.start, region.start + 1)) && /^[\s.,;:!?"”’]*$/u.test(rest);
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'with',
  'by',
  'from',
  'as',
  'is',
]);

/** Every word capitalised (or a number) apart from short function words, and at most six words. */
function isTitle(words: string): boolean {
  const list = words.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (list.length === 0 || list.length > 6) return false;
  return list.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || MINOR_WORDS.has(word.toLowerCase()));
}

function isWholeParagraph(context: QuoteContext, region: QuotedRegion): boolean {
  const paragraph = paragraphAt(context, region.open);
  return paragraph.start === region.open && paragraph.end <= region.close + 2;
}

/** A quote that opens a paragraph after one ending in `Caddell continued:`. */
function introducedByPreviousParagraph(context: QuoteContext, region: QuotedRegion): Attribution | undefined {
  const index = paragraphIndex(context, region.open);
  const paragraph = context.paragraphs[index];
  const previous = context.paragraphs[index - 1];
  if (!paragraph || !previous || paragraph.start !== region.open) return undefined;
  if (!context.text.slice(previous.start, previous.end).trimEnd().endsWith(':')) return undefined;
  const sentence = sentenceAt(context, previous.end - 1);
  return attributeBefore(context, tokenize(context.text, sentence.start, previous.end), sentence.start, previous.end);
}

/** A quote that follows, in the same or the next paragraph, a quote whose speaker is known. */
function continuedFrom(context: QuoteContext, region: QuotedRegion, earlier: readonly Finding[]): number | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const finding = earlier[i] as Finding;
    if (finding.kind !== 'direct') continue;
    if (!finding.speaker && finding.sharesSpeakerWith === undefined) return undefined;
    const gap = paragraphIndex(context, region.open) - paragraphIndex(context, finding.close ?? finding.end);
    const between = context.text.slice((finding.close ?? finding.end) + 1, region.open);
    if (gap === 0 || (gap === 1 && /^\s*$/.test(between))) return i;
    return undefined;
  }
  return undefined;
}

/** The cue and speaker of reported speech earlier in the sentence (`X pleaded with them to “...”`). */
function reportedBy(context: QuoteContext, from: number, to: number): Attribution | undefined {
  const tokens = tokenize(context.text, from, to);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (!cueAt(tokens, k, context.cues)) continue;
    const speaker = findSpeakerBefore(tokens, k, context.cues);
    if (speaker) return { finding: { rule: 'partial-reported', speaker, cue: cueOf(context, token) } };
  }
  return undefined;
}

/** A partial quote whose words appear inside another attributed quote takes that quote's speaker. */
function attributeEchoes(context: QuoteContext, findings: Finding[]): void {
  const normalise = normaliseStatement;
  // The attributed direct quotes, normalised once: this loop does not change them, and normalising
  // each for every partial quote made long documents quadratic.
  const sources: { index: number; padded: string }[] = [];
  /** Word -> the sources holding it, in order: a source holding the words holds each of them. */
  const sourcesWith = new Map<string, { index: number; padded: string }[]>();
  findings.forEach((other, index) => {
    if (other.kind === 'direct' && (other.speaker || other.sharesSpeakerWith !== undefined)) {
      const normalised = normalise(context.text.slice(other.start, other.end));
      const source = { index, padded: ` ${normalised} ` };
      sources.push(source);
      for (const word of new Set(normalised.split(' '))) {
        const list = sourcesWith.get(word) ?? [];
        list.push(source);
        sourcesWith.set(word, list);
      }
    }
  });
  const holding = (words: string) =>
    words
      .split(' ')
      .map((word) => sourcesWith.get(word) ?? [])
      .reduce((rarest, list) => (list.length < rarest.length ? list : rarest), sources);
  findings.forEach((finding, index) => {
    if (finding.kind !== 'partial' && finding.kind !== 'scare') return;
    if (finding.rule === 'scare-title' || finding.rule === 'scare-naming') return;
    const words = normalise(context.text.slice(finding.start, finding.end));
    if (words.length === 0) return;
    // A word or two shared with a quote is weak evidence unless the sentence reports speech.
    if (words.split(' ').length <= SHORT_WORDS && !reportsSpeech(context, finding)) return;
    const source =
      holding(words).find((other) => other.index !== index && other.padded.includes(` ${words} `))?.index ?? -1;
    if (source < 0) return;
    const other = findings[source] as Finding;
    findings[index] = {
      ...finding,
      kind: 'partial',
      rule: 'partial-echo',
      speaker: finding.kind === 'partial' && finding.speaker ? finding.speaker : undefined,
      cue: finding.cue,
      sharesSpeakerWith: other.sharesSpeakerWith ?? source,
    };
  });
}

function reportsSpeech(context: QuoteContext, finding: Finding): boolean {
  const sentence = sentenceAt(context, finding.open ?? finding.start);
  const tokens = tokenize(context.text, sentence.start, finding.open ?? finding.start);
  return tokens.some((_, index) => cueAt(tokens, index, context.cues) !== undefined);
}

function trimPartialEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /[\s,;:.]/.test(text[trimmed - 1] as string)) trimmed--;
  return trimmed;
}

function cueOf(context: QuoteContext, token: Token) {
  return { start: token.start, end: token.end, lemma: context.cues.speech.get(token.lower) ?? token.lower };
}
