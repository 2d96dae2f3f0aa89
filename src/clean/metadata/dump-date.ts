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
  updated: -1.5,
  aloneOnLine: 2,
  weekday: -3,
  time: 0.5,
  ambiguous: 0,
  position: -2,
  beforeLead: 6,
  byline: 2,
  nearHeadline: 3,
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
  let best: ScoredDate | undefined;
  for (const scored of scoreDumpDates(text, landmarks, DATE_WEIGHTS, bounds))
    if (!best || scored.score > best.score) best = scored;
  return best;
}

/** Every date of a dump with its features and its score under the given weights. */
export function scoreDumpDates(
  text: string,
  landmarks: DumpLandmarks,
  weights: Record<string, number>,
  bounds: DateBounds = DEFAULT_BOUNDS,
): ScoredDate[] {
  const dates = findDates(text, bounds);
  return dates.map((found) => {
    const features = dateFeatures(text, found, dates, landmarks);
    let score = 0;
    for (const [name, value] of Object.entries(features)) score += (weights[name] ?? 0) * value;
    return { found, score, features };
  });
}

/** Characters at the head of a dump where a site's header stands. */
const PAGE_TOP = 300;

function wordsIn(line: string): number {
  return line.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

function dateFeatures(
  text: string,
  found: FoundDate,
  dates: readonly FoundDate[],
  { headlineAt, leadAt }: DumpLandmarks,
): Record<string, number> {
  const lineStart = text.lastIndexOf('\n', found.index - 1) + 1;
  const lineEndAt = text.indexOf('\n', found.index + found.length);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before = text.slice(Math.max(lineStart, found.index - 60), found.index);
  const line = text.slice(lineStart, lineEnd);
  const rest = `${text.slice(lineStart, found.index)} ${text.slice(found.index + found.length, lineEnd)}`;
  const cue = dateCueBefore(before);
  const onLine = dates.filter((other) => other.index >= lineStart && other.index < lineEnd).length;
  const nearby = dates.filter((other) => other.day !== found.day && Math.abs(other.index - found.index) < 400).length;
  const features: Record<string, number> = {
    published: cue === 'published' ? 1 : 0,
    updated: cue === 'updated' ? 1 : 0,
    aloneOnLine: rest.replace(/[^\p{L}\p{N}]/gu, '').length <= 25 ? 1 : 0,
    weekday: found.weekday ? 1 : 0,
    time: found.time ? 1 : 0,
    ambiguous: found.ambiguous ? 1 : 0,
    position: text.length ? found.index / text.length : 0,
    // Graded: a dateline sits just above the lead paragraph, a masthead's date of today far above it.
    beforeLead: leadAt !== undefined && found.index <= leadAt ? Math.max(0, 1 - (leadAt - found.index) / 1500) : 0,
    byline: bylineBefore(text.slice(Math.max(0, lineStart - 80), found.index)) ? 1 : 0,
    nearHeadline: headlineAt !== undefined && Math.abs(found.index - headlineAt) < 600 ? 1 : 0,
    repeated: Math.min(3, dates.filter((other) => other !== found && other.day === found.day).length),
    copyright: /©|\(c\)|copyright/i.test(line) ? 1 : 0,
    // A date inside a long sentence is what the story talks about, not when it was written.
    inProse: wordsIn(line) >= 20 && /\p{Ll}\s*$/u.test(text.slice(lineStart, found.index)) ? 1 : 0,
    // Sites print today's date in their header: the day of the crawl, not of the article.
    pageTop: found.index < PAGE_TOP ? 1 : 0,
    crowded: onLine > 1 || nearby >= 3 ? 1 : 0,
  };
  return features;
}
