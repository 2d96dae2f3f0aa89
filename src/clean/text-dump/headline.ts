/**
 * The headline of a dump, chosen among the lines above its body by what makes a title: the line
 * classifier's headline score, a title's shape (a few words, no sentence run-on, no separators of a
 * menu), the words it shares with the body, and nearness to the body. A line the dump repeats (the
 * outlet's name, a menu entry) or that names the outlet is no title. When no line qualifies, none.
 */
import { wordCount } from '../lines.js';
import type { ClassifiedLine } from './line-model.js';

/** How many lines above the body's first line are looked at: a headline sits close above it. */
const WINDOW = 12;
/** Below this score a line is no headline: absent is better than wrong. */
const MIN_SCORE = 0;

export interface HeadlineContext {
  /** The classified lines of the dump. */
  lines: readonly ClassifiedLine[];
  /** Position (in `lines`) of the body's first line; candidates stand above it. */
  firstBody: number;
  /** Positions at or after this may be chosen (lines above it are date headers, breadcrumbs). */
  from: number;
  /** The body's text, for the words a title shares with it. */
  body: string;
  outlet?: string;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => word.length >= 4);
}

/** Position (in `lines`) of the chosen headline, or -1. */
export function chooseHeadline(context: HeadlineContext): number {
  const { lines, firstBody, from } = context;
  if (firstBody < 0) return -1;
  const bodyWords = new Set(contentWords(context.body));
  const repeats = new Map<string, number>();
  for (const line of lines) repeats.set(line.text, (repeats.get(line.text) ?? 0) + 1);
  const outlet = context.outlet?.toLowerCase();
  let best = -1;
  let bestScore = MIN_SCORE;
  for (let k = Math.max(from, firstBody - WINDOW); k < firstBody; k++) {
    const line = lines[k] as ClassifiedLine;
    const score = titleScore(line, bodyWords, repeats.get(line.text) ?? 1, firstBody - k, outlet);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

function titleScore(
  line: ClassifiedLine,
  bodyWords: ReadonlySet<string>,
  repeats: number,
  distance: number,
  outlet: string | undefined,
): number {
  const text = line.text;
  const words = wordCount(text);
  if (words < 2 || words > 40 || !/\p{L}{2}/u.test(text)) return Number.NEGATIVE_INFINITY;
  if (outlet && text.toLowerCase() === outlet) return Number.NEGATIVE_INFINITY;
  const { headline, ...others } = line.scores;
  // The classifier's preference for a title over the line's best other role, bounded so shape and words still count.
  let score = Math.max(-4, Math.min(4, headline - Math.max(...Object.values(others))));
  const content = contentWords(text);
  if (content.length > 0) score += 4 * (content.filter((word) => bodyWords.has(word)).length / content.length) - 1;
  else score -= 2;
  if (repeats > 1) score -= 2;
  if (/\s[|•·]\s|^[•*+]\s/u.test(text)) score -= 2;
  if (words > 25) score -= 1;
  return score - 0.15 * (distance - 1);
}
