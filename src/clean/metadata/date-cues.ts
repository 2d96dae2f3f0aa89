import { readFileSync } from 'node:fs';
import { dataPath } from '../../resources/index.js';
import { nameTables } from './calendar-names.js';

const CUES_PATH = dataPath('clean/date-cues.json');
interface Cues {
  published: RegExp;
  updated: RegExp;
  weekday: RegExp;
  byline: RegExp;
}
let cachedCues: Cues | undefined;

function loadDateCues(): Cues {
  if (cachedCues) return cachedCues;
  const json = JSON.parse(readFileSync(CUES_PATH, 'utf8')) as {
    published: string[];
    updated: string[];
    byline: string[];
  };
  const endsWith = (words: string[]) =>
    new RegExp(
      `(?:^|[^\\p{L}])(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
      'u',
    );
  const weekday = new RegExp(`(?:^|[^\\p{L}])(?:${nameTables().weekdayPattern})\\.?[\\s,،]*$`, 'iu');
  const byline = new RegExp(`(?:^|[^\\p{L}])(?:${json.byline.join('|')})\\s+\\p{Lu}`, 'u');
  cachedCues = { published: endsWith(json.published), updated: endsWith(json.updated), weekday, byline };
  return cachedCues;
}

/**
 * Whether the words just before a date (`Published on`, `veröffentlicht am`, `آخر تحديث`) call it
 * the publication date or a later update; a weekday name between the cue and the date is skipped.
 */
export function dateCueBefore(before: string): 'published' | 'updated' | undefined {
  const cues = loadDateCues();
  let text = before.toLowerCase().replace(/[\s:,،(|•·-]+$/u, '');
  text = text.replace(cues.weekday, '').replace(/[\s:,،(|•·-]+$/u, '');
  if (cues.updated.test(text)) return 'updated';
  if (cues.published.test(text)) return 'published';
  return undefined;
}

/** Whether a byline (`By Evan Symon,`, `von Marc Scheloske |`) stands just before a date: the author's line dates the article. */
export function bylineBefore(before: string): boolean {
  return loadDateCues().byline.test(before);
}
