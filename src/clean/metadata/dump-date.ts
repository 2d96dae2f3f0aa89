import { bylineBefore, dateCueBefore } from './date-cues.js';
import { type DateBounds, DEFAULT_BOUNDS, type FoundDate, findDates } from './date-text.js';

/** Where the article seems to stand in a dump: offsets of its headline line and of its first long paragraph. */
export interface DumpLandmarks {
  headlineAt?: number;
  leadAt?: number;
}

/** One candidate's score, with the features that made it, for tests and for tuning on a split. */
export interface ScoredDate {
  found: FoundDate;
  score: number;
  features: Record<string, number>;
}

/**
 * Weights of the features below, learnt by coordinate search (steps -6..6) on the `tune` half of
 * page-dumps only, signs held where the meaning fixes them (a publication cue is for, an ambiguous
 * reading not for); `lede eval dumps` reports the `held-out` half apart. A weekday counts against:
 * sites print today's date with its weekday in their header, while a dateline is found by its
 * place above the lead paragraph and under the headline.
 */
export const DATE_WEIGHTS: Record<string, number> = {
  published: 2,
  updated: -4,
  aloneOnLine: 3,
  weekday: -3,
  time: 0.5,
  ambiguous: 0,
  position: -2,
  beforeLead: 6,
  byline: 1.5,
  nearHeadline: 6,
  repeated: 0.5,
  copyright: -4,
  inProse: -6,
  pageTop: -1.5,
  crowded: -1,
};

/**
 * The publication day of a plain-text dump, chosen among every date in it by a linear score: cue
 * words before it, whether it stands alone on its line, a weekday and time with it, where it stands
 * (early, just above the lead paragraph, near the headline), how often the day recurs, and signs of
 * other dates (copyright lines, lists of dated links).
 */
export function chooseDumpDate(
  text: string,
  landmarks: DumpLandmarks = {},
  bounds: DateBounds = DEFAULT_BOUNDS,
): ScoredDate | undefined {
  return bestScored(scoreDumpDates(text, landmarks, DATE_WEIGHTS, bounds));
}

/** The highest-scored date, the earliest on a tie. */
export function bestScored(candidates: Iterable<ScoredDate>): ScoredDate | undefined {
  let best: ScoredDate | undefined;
  for (const scored of candidates) if (!best || scored.score > best.score) best = scored;
  return best;
}

/** Every date of a dump with its features and its score under the given weights. */
export function scoreDumpDates(
  text: string,
  landmarks: DumpLandmarks,
  weights: Record<string, number> = DATE_WEIGHTS,
  bounds: DateBounds = DEFAULT_BOUNDS,
): ScoredDate[] {
  const dates = findDates(text, bounds);
  const index = indexDates(text, dates);
  return dates.map((found) => {
    const features = dateFeatures(text, found, index, landmarks);
    return { found, score: weightedScore(features, weights), features };
  });
}

/** The linear score of a candidate's features under the given weights. */
export function weightedScore(features: Readonly<Record<string, number>>, weights: Record<string, number>): number {
  let score = 0;
  for (const [name, value] of Object.entries(features)) score += (weights[name] ?? 0) * value;
  return score;
}

/** Characters at the head of a dump where a site's header stands. */
const PAGE_TOP = 300;
/** How far around a date its neighbours count, and how far back a byline or cue is looked for. */
const NEIGHBOURHOOD = 400;
const LOOK_BACK = 160;

/**
 * What every candidate's features read, built once per dump so that scoring stays linear however
 * many dates a hostile dump holds: line starts, the dates' offsets, and each day's offsets.
 */
interface DateIndex {
  lineStarts: number[];
  offsets: number[];
  offsetsByDay: Map<string, number[]>;
  lineFacts: Map<number, { words: number; copyright: boolean }>;
}

function indexDates(text: string, dates: readonly FoundDate[]): DateIndex {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offsetsByDay = new Map<string, number[]>();
  for (const date of dates) {
    const list = offsetsByDay.get(date.day);
    if (list) list.push(date.index);
    else offsetsByDay.set(date.day, [date.index]);
  }
  return { lineStarts, offsets: dates.map((date) => date.index), offsetsByDay, lineFacts: new Map() };
}

/** How many sorted offsets fall in [from, to). */
function countIn(sorted: readonly number[], from: number, to: number): number {
  return lowerBound(sorted, to) - lowerBound(sorted, from);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lineFactsOf(text: string, index: DateIndex, lineStart: number, lineEnd: number) {
  let facts = index.lineFacts.get(lineStart);
  if (!facts) {
    const line = text.slice(lineStart, lineEnd);
    const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
    facts = { words, copyright: /©|\(c\)|copyright/i.test(line) };
    index.lineFacts.set(lineStart, facts);
  }
  return facts;
}

function dateFeatures(
  text: string,
  found: FoundDate,
  index: DateIndex,
  { headlineAt, leadAt }: DumpLandmarks,
): Record<string, number> {
  const line = lowerBound(index.lineStarts, found.index + 1) - 1;
  const lineStart = index.lineStarts[line] ?? 0;
  const lineEnd = (index.lineStarts[line + 1] ?? text.length + 1) - 1;
  const end = found.index + found.length;
  const before = text.slice(Math.max(lineStart, found.index - 60), found.index);
  // Only whether little else stands on the line matters, so a window beyond that limit will do.
  const rest = `${text.slice(Math.max(lineStart, found.index - 100), found.index)} ${text.slice(end, Math.min(lineEnd, end + 100))}`;
  const facts = lineFactsOf(text, index, lineStart, lineEnd);
  const sameDay = index.offsetsByDay.get(found.day) ?? [];
  const near = [found.index - NEIGHBOURHOOD + 1, found.index + NEIGHBOURHOOD] as const;
  const nearby = countIn(index.offsets, ...near) - countIn(sameDay, ...near);
  const onLine = countIn(index.offsets, lineStart, lineEnd);
  const cue = dateCueBefore(before);
  return {
    published: cue === 'published' ? 1 : 0,
    updated: cue === 'updated' ? 1 : 0,
    aloneOnLine: rest.replace(/[^\p{L}\p{N}]/gu, '').length <= 25 ? 1 : 0,
    weekday: found.weekday ? 1 : 0,
    time: found.time ? 1 : 0,
    ambiguous: found.ambiguous ? 1 : 0,
    position: text.length ? found.index / text.length : 0,
    // Graded: a dateline sits just above the lead paragraph, a masthead's date of today far above it.
    beforeLead: leadAt !== undefined && found.index <= leadAt ? Math.max(0, 1 - (leadAt - found.index) / 1500) : 0,
    byline: bylineBefore(text.slice(Math.max(0, lineStart - 80, found.index - LOOK_BACK), found.index)) ? 1 : 0,
    nearHeadline: headlineAt !== undefined && Math.abs(found.index - headlineAt) < 600 ? 1 : 0,
    repeated: Math.min(3, sameDay.length - 1),
    copyright: facts.copyright ? 1 : 0,
    // A date inside a long sentence is what the story talks about, not when it was written.
    inProse:
      facts.words >= 20 && /\p{Ll}\s*$/u.test(text.slice(Math.max(lineStart, found.index - 20), found.index)) ? 1 : 0,
    // Sites print today's date in their header: the day of the crawl, not of the article.
    pageTop: found.index < PAGE_TOP ? 1 : 0,
    crowded: onLine > 1 || nearby >= 3 ? 1 : 0,
  };
}
