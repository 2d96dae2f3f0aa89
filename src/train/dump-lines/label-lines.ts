/**
 * Roles for a dump's lines from a page's gold: a line is body when the gold body covers it, the
 * headline when it says the page's title, a caption when it says one of the page's figure
 * captions, a date or byline line (`meta`) when it is a short line with a date or a `By …` opener
 * near the article, and boilerplate otherwise.
 */
import type { DumpLine, LineRole } from '../../clean/index.js';
import { findDates } from '../../clean/index.js';

export interface PageGold {
  body: string;
  headline?: string;
  captions?: readonly string[];
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((token, i) => token === b[i]);
}

/** A byline opener in the languages of the training pages. */
const BYLINE = /^(?:by|von|par|por|di|door|av|af)\s+\p{Lu}/iu;

/** Roles of `lines` (non-blank dump lines) under the gold of their page. */
export function labelLines(lines: readonly DumpLine[], gold: PageGold): LineRole[] {
  const goldTokens = tokens(gold.body);
  const trigrams = new Set<string>();
  for (let i = 0; i + 2 < goldTokens.length; i++)
    trigrams.add(`${goldTokens[i]} ${goldTokens[i + 1]} ${goldTokens[i + 2]}`);
  const joined = ` ${goldTokens.join(' ')} `;
  const lineTokens = lines.map((line) => tokens(line.text));
  const roles: LineRole[] = lineTokens.map((words) => {
    if (words.length < 3) return 'boilerplate';
    let hits = 0;
    for (let i = 0; i + 2 < words.length; i++) if (trigrams.has(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)) hits++;
    return hits / (words.length - 2) >= 0.6 ? 'body' : 'boilerplate';
  });
  // Short lines (subheads, one-word paragraphs) are body only inside the span of the long body lines.
  const first = roles.indexOf('body');
  const last = roles.lastIndexOf('body');
  for (let k = first + 1; k < last; k++) {
    const words = lineTokens[k] as string[];
    if (roles[k] !== 'body' && words.length > 0 && words.length < 3 && joined.includes(` ${words.join(' ')} `))
      roles[k] = 'body';
  }
  markHeadline(lines, lineTokens, roles, gold.headline, first);
  const captions = (gold.captions ?? []).map(tokens).filter((words) => words.length >= 2);
  const windowStart = first < 0 ? 0 : Math.max(0, first - 15);
  lines.forEach((line, k) => {
    if (roles[k] !== 'boilerplate') return;
    const words = lineTokens[k] as string[];
    if (captions.some((caption) => sameWords(caption, words) || (words.length >= 4 && contains(caption, words))))
      roles[k] = 'caption';
    else if (
      k >= windowStart &&
      (last < 0 || k <= last) &&
      words.length <= 14 &&
      (BYLINE.test(line.text) || findDates(line.text).length > 0)
    )
      roles[k] = 'meta';
  });
  return roles;
}

function contains(whole: readonly string[], part: readonly string[]): boolean {
  return ` ${whole.join(' ')} `.includes(` ${part.join(' ')} `);
}

/** The headline line: the last line saying the title before the body starts (a title repeated in menus comes earlier). */
function markHeadline(
  lines: readonly DumpLine[],
  lineTokens: readonly string[][],
  roles: LineRole[],
  headline: string | undefined,
  firstBody: number,
): void {
  if (!headline) return;
  const title = tokens(headline);
  if (title.length === 0) return;
  const end = firstBody < 0 ? lines.length : firstBody;
  for (let k = end - 1; k >= 0; k--) {
    if (roles[k] !== 'boilerplate') continue;
    if (sameWords(title, lineTokens[k] as string[])) {
      roles[k] = 'headline';
      return;
    }
  }
}
