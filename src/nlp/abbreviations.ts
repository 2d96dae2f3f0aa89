import { readFileSync } from 'node:fs';
import { dataPath } from '../resources/index.js';

/** Abbreviations whose period belongs to the word, shared by the sentence splitter and the entity tokenizer. */
const lists = JSON.parse(readFileSync(dataPath('abbreviations.json'), 'utf8')) as {
  titles: string[];
  dotted: string[];
};

/** Stand before a name (`Lt. General`, `Dr. Ali`) and so never end a sentence. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(lists.titles);

/** Every abbreviation whose period stays with it, titles included (`U.S.` is handled by shape). */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set([...lists.titles, ...lists.dotted]);
