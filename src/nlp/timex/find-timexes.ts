/**
 * Finds temporal expressions in a text and normalises them to TIMEX3 values against an anchor day.
 * Every rule proposes candidates; the longest candidate wins an overlap (the earlier rule on a tie).
 */
import { MAX_SENTENCE_CHARS } from '../sentences/index.js';
import { resolveAnaphora } from './anaphora.js';
import type { Day } from './calendar.js';
import { loadTimexLexicon, type TimexLexicon } from './lexicon.js';
import type { Tense } from './resolve.js';
import { createTimexRules } from './rules.js';
import type { TimexFinding, TimexRule } from './timex-types.js';

export type { TimexFinding } from './timex-types.js';

export interface TimexFinder {
  find(text: string, anchor?: Day): TimexFinding[];
}

export function createTimexFinder(lexicon: TimexLexicon = loadTimexLexicon()): TimexFinder {
  const rules = createTimexRules(lexicon);
  return { find: (text, anchor) => findTimexes(text, rules, anchor) };
}

function findTimexes(text: string, rules: TimexRule[], anchor: Day | undefined): TimexFinding[] {
  const candidates: (TimexFinding & { order: number })[] = [];
  rules.forEach((rule, order) => {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      const { tense, sentence } = tenseAround(text, start, end);
      const around = text.slice(Math.max(0, start - 300), end);
      const built = rule.build(match, {
        anchor,
        tense,
        sentence: around.includes(sentence) ? around : sentence,
        before: text.slice(Math.max(0, start - 20), start),
      });
      if (!built) continue;
      const finding: TimexFinding & { order: number } = { start, end, ...built, rule: rule.name, order };
      if (!built.mod) delete finding.mod;
      candidates.push(finding);
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  // Which characters a chosen finding covers: checking each candidate against every chosen one grows
  // with the square of the findings, thousands in a long text.
  const taken = new Uint8Array(text.length);
  const chosen: TimexFinding[] = [];
  for (const { order: _order, ...candidate } of candidates) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    chosen.push(candidate);
  }
  return resolveAnaphora(
    text,
    mergeClockWithDay(
      text,
      chosen.sort((a, b) => a.start - b.start),
    ),
  );
}

function isClock(finding: TimexFinding): boolean {
  return finding.rule === 'clock' || finding.rule === 'clock-24h';
}

/** `5 p.m. EST, Nov. 6`, `noon Thursday`, `Friday at 10 a.m.`: one TIME on that day. */
function mergeClockWithDay(text: string, findings: TimexFinding[]): TimexFinding[] {
  const merged: TimexFinding[] = [];
  for (const finding of findings) {
    const previous = merged[merged.length - 1];
    if (previous && /^(?:\.?,?\s+(?:at\s+|on\s+)?)$/.test(text.slice(previous.end, finding.start))) {
      const clock = isClock(previous) ? previous : isClock(finding) ? finding : undefined;
      const day = clock === previous ? finding : previous;
      if (clock && day !== clock && /^\d{4}-\d{2}-\d{2}$/.test(day.value)) {
        merged[merged.length - 1] = {
          start: previous.start,
          end: finding.end,
          type: 'TIME',
          value: `${day.value}${clock.value.slice(clock.value.indexOf('T'))}`,
          rule: 'clock-day',
        };
        continue;
      }
    }
    merged.push(finding);
  }
  return merged;
}

const FUTURE_CUE =
  /\b(?:will|won['’]t|shall|would(?!\s+have\b)|might|going to|plans? to|planning to|scheduled|expects? to|expected to|is to|are to|to be held|upcoming|due to|next(?!\s+to\b)|intends? to|set to|as soon as|as early as|ahead of)\b|['’]ll\b/gi;
/**
 * Verbs in the simple past: a closed list of common irregular ones and any `-ed` form. An `-ed` form
 * after a form of `be` is a passive whose tense is that of `be`, so it is skipped (see PASSIVE_BEFORE).
 */
const PAST_CUE =
  /\b(?:was|were|had|did|ago|last|earlier|came|went|took|began|met|made|spent|held|left|led|sent|won|lost|fell|rose|paid|bought|sold|struck|shot|fled|found|brought|kept|wrote|broke|chose|drove|flew|grew|knew|threw|saw|ran|sat|stood|gave|became|told|said|[a-z]{2,}(?<!e)ed)\b/gi;
const PASSIVE_BEFORE = /\b(?:is|are|am|be|been|being|['’]s|will|would|to)\s+(?:\w+ly\s+)?$/i;
/** Words in `-ed` that are no verbs. */
const NOT_VERBS = new Set(['hundred', 'united', 'limited', 'red', 'bed', 'shed', 'wed', 'naked', 'sacred', 'wicked']);
const SUBORDINATE = /\b(?:that|which|who|whom|whose|because|if|whether|when|while|after|before|until)\b/i;
/** `had been due to expire Friday`: a plan told in the past perfect lies in the past. */
const PAST_PERFECT_BEFORE = /\bhad\s+(?:been\s+)?$/i;
/** A past participle right beside the expression (`announced Friday`, `closed it Thursday`) governs it. */
const ADJACENT_PAST =
  /\b(?:[a-z]{3,}ed|said|told|met|began|took|was|were)\s+(?:(?:on|it|them|him|her|late|early|last)\s+)?$/i;
/**
 * A scheduled happening told in the simple present (`they meet separately Monday`, `the offer expires
 * Friday`) lies ahead; after `to` the verb is an infinitive whose tense is told elsewhere.
 */
const SCHEDULED_BEFORE =
  /(?<!\bto\s+)\b(?:meets?|leaves?|arrives?|begins?|starts?|opens?|closes?|visits?|travels?|returns?|resumes?|expires?|ends?|holds?)\s+(?:[a-z]+ly\s+)?(?:(?:on|at)\s+)?$/i;
/** Reporting verbs carry the tense of the report, not of what is reported. */
const REPORTING = new Set([
  'said',
  'told',
  'reported',
  'announced',
  'added',
  'noted',
  'stated',
  'claimed',
  'declared',
  'warned',
  'stressed',
  'explained',
  'insisted',
  'argued',
  'asked',
  'emphasized',
  'continued',
]);

/**
 * The tense of the clause around an expression: the verb cue nearest to it within its sentence.
 * Decides which way an unanchored `Sunday` or `March` points.
 */
export function tenseAround(text: string, start: number, end: number): { tense: Tense; sentence: string } {
  // Only a sentence's reach around the expression is read: in text without sentence breaks the
  // "sentence" would be the whole text, read again for every expression in it.
  const from = Math.max(0, start - MAX_SENTENCE_CHARS);
  const to = end + MAX_SENTENCE_CHARS;
  if (from > 0 || to < text.length) return tenseInside(text.slice(from, to), start - from, end - from);
  return tenseInside(text, start, end);
}

function tenseInside(text: string, start: number, end: number): { tense: Tense; sentence: string } {
  const left = Math.max(sentenceStartBefore(text, start), text.lastIndexOf('\n', start - 1), 0);
  const rightDot = text.indexOf('.', end);
  const rightLine = text.indexOf('\n', end);
  const right = Math.min(rightDot < 0 ? text.length : rightDot, rightLine < 0 ? text.length : rightLine);
  const sentence = text.slice(left, right);
  if (ADJACENT_PAST.test(text.slice(Math.max(left, start - 30), start))) return { tense: 'past', sentence };
  if (SCHEDULED_BEFORE.test(text.slice(Math.max(left, start - 40), start))) return { tense: 'future', sentence };
  // `Wednesday's ruling`: a day named as the owner of something already known lies in the past.
  if (/^['’]s\b/.test(text.slice(end, end + 3))) return { tense: 'past', sentence };
  let best: Tense = 'none';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [cue, tense] of [
    [FUTURE_CUE, 'future'],
    [PAST_CUE, 'past'],
  ] as const) {
    cue.lastIndex = 0;
    for (let match = cue.exec(sentence); match; match = cue.exec(sentence)) {
      const at = left + match.index;
      if (at >= start && at < end) continue;
      // A verb after `that` or `which` belongs to a clause the expression is not part of.
      if (at >= end && SUBORDINATE.test(text.slice(end, at))) continue;
      const distance = at < start ? start - at - match[0].length : at - end;
      const word = match[0].toLowerCase();
      if (tense === 'past' && /ed$/.test(word)) {
        if (NOT_VERBS.has(word) || PASSIVE_BEFORE.test(sentence.slice(0, match.index))) continue;
      }
      // A reported clause has its own tense: the report's verb governs only what is not behind `that` or a quote.
      if (tense === 'past' && REPORTING.has(word) && distance > 2) {
        const between = at < start ? text.slice(at + match[0].length, start) : text.slice(end, at);
        if (at > start || /\b(?:that|if|whether)\b|[,;:"“”'']/.test(between)) continue;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = tense === 'future' && PAST_PERFECT_BEFORE.test(sentence.slice(0, match.index)) ? 'past' : tense;
      }
    }
  }
  return { tense: best, sentence };
}

/** The last period before `at` that ends a sentence, skipping `p.m.`, `Jan.`, `Mr.` and initials. */
function sentenceStartBefore(text: string, at: number): number {
  for (let i = text.lastIndexOf('.', at - 2); i >= 0; i = text.lastIndexOf('.', i - 1)) {
    if (!/(?:\b[ap]\.m|\b[ap]|\b[A-Z][a-z]{0,3}|\b[A-Z])$/.test(text.slice(Math.max(0, i - 5), i))) return i;
  }
  return 0;
}
