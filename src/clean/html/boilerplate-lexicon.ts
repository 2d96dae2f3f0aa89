import { readFileSync } from 'node:fs';
import { dataPath } from '../../resources/index.js';

/** The word lists of data/clean/html-boilerplate.json, compiled once. */
export interface HtmlBoilerplateLexicon {
  classWords: Set<string>;
  lines: RegExp[];
}

const LEXICON_PATH = dataPath('clean/html-boilerplate.json');
let cached: HtmlBoilerplateLexicon | undefined;

export function loadHtmlBoilerplate(): HtmlBoilerplateLexicon {
  if (cached) return cached;
  const json = JSON.parse(readFileSync(LEXICON_PATH, 'utf8')) as { classWords: string[]; lines: string[] };
  cached = {
    classWords: new Set(json.classWords.map((word) => word.toLowerCase())),
    lines: json.lines.map((pattern) => new RegExp(pattern, 'iu')),
  };
  return cached;
}
