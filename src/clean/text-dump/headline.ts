/**
 * The headline of a dump, chosen among the lines above its body by what makes a title: the line
 * classifier's role and headline margin, a title's shape (word count, end punctuation, a dumper's
 * heading marks), the share of its words the body uses, whether the dump repeats it (an outlet's
 * name, a menu entry), its neighbours' roles and its distance to the body. The weights of these
 * are learnt (`lede train dump-lines` ranks the candidate lines of training dumps, beside a
 * "no headline" choice), so when no line scores above "none", the dump has no headline.
 */
import { parseBreadcrumb, parseTagRun } from '../boilerplate/index.js';
import { wordCount } from '../lines.js';
import { parseDateLine } from '../metadata/index.js';
import type { ClassifiedLine } from './line-model.js';

/** How many lines above the body's first line are looked at. */
export const HEADLINE_WINDOW = 30;
/** The feature of the "no headline" choice. */
export const NO_HEADLINE = 'none';

export interface HeadlineContext {
  /** The classified lines of the dump. */
  lines: readonly ClassifiedLine[];
  /** Position (in `lines`) of the body's first line; candidates stand above it. */
  firstBody: number;
  /** Positions at or after this may be chosen (lines above it are date headers, breadcrumbs). */
  from: number;
  /** The body's text, for the words a title shares with it. */
  body: string;
}

export interface HeadlineCandidate {
  /** Position in `lines`. */
  at: number;
  features: string[];
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => word.length >= 4);
}

function bucket(value: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && value >= (edges[k] as number)) k++;
  return k;
}

/** The lines that may be the headline, each with its features; empty when the dump has no body. */
export function headlineCandidates(context: HeadlineContext): HeadlineCandidate[] {
  const { lines, firstBody, from } = context;
  if (firstBody < 0) return [];
  const bodyWords = new Set(contentWords(context.body));
  const repeats = new Map<string, number>();
  for (const line of lines) repeats.set(line.text, (repeats.get(line.text) ?? 0) + 1);
  const candidates: HeadlineCandidate[] = [];
  for (let k = Math.max(from, firstBody - HEADLINE_WINDOW); k < firstBody; k++) {
    const line = lines[k] as ClassifiedLine;
    const words = wordCount(line.text);
    if (words > 40 || !/\p{L}{2}/u.test(line.text)) continue;
    const { headline, ...others } = line.scores;
    const margin = headline - Math.max(...Object.values(others));
    const content = contentWords(line.text);
    const overlap = content.length ? content.filter((word) => bodyWords.has(word)).length / content.length : -1;
    const end = line.text.replace(/[*_\s"'”’»)\]]+$/u, '').slice(-1);
    const distance = firstBody - k;
    const features = [
      `role:${line.role}`,
      `margin:${bucket(margin, [-1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5])}`,
      `overlap:${overlap < 0 ? 'none' : bucket(overlap, [0.01, 0.25, 0.5, 0.75, 0.95])}`,
      `repeats:${Math.min(repeats.get(line.text) ?? 1, 3)}`,
      `words:${bucket(words, [2, 3, 5, 8, 12, 16, 20, 30])}`,
      `end:${/[.!?:;,]/.test(end) ? end : /\p{L}/u.test(end) ? 'L' : 'other'}`,
      `distance:${bucket(distance, [2, 3, 5, 8, 12, 20])}`,
      `prev:${lines[k - 1]?.role ?? 'start'}`,
      `next:${lines[k + 1]?.role ?? 'end'}`,
      `role:${line.role}_overlap:${overlap < 0 ? 'none' : bucket(overlap, [0.25, 0.75])}`,
    ];
    if (/^\s*\*{2,}.*\*{2,}\s*$/u.test(line.raw)) features.push('headingMarks');
    if (/^\s*(?:[•*+o-]|\d{1,2}\.)\s/u.test(line.raw)) features.push('bullet');
    if (/\s[|•·»›]\s|\s\/\s/u.test(line.text)) features.push('separator');
    if (/^[\p{Lu}\p{N}"“‘'«¿¡[]/u.test(line.text)) features.push('capStart');
    // A title often comes right under the page's breadcrumb, section tags or date header.
    const previous = lines[k - 1]?.text;
    if (previous && (parseBreadcrumb(previous) || parseTagRun(previous) || parseDateLine(previous)))
      features.push('underHeader');
    candidates.push({ at: k, features });
  }
  return candidates;
}

/** Position (in `lines`) of the best-scored candidate when it beats "no headline"; -1 otherwise. */
export function chooseHeadline(context: HeadlineContext, weights: ReadonlyMap<string, number>): number {
  let best = -1;
  let bestScore = weights.get(NO_HEADLINE) ?? 0;
  for (const candidate of headlineCandidates(context)) {
    let score = 0;
    for (const feature of candidate.features) score += weights.get(feature) ?? 0;
    if (score > bestScore) {
      bestScore = score;
      best = candidate.at;
    }
  }
  return best;
}
