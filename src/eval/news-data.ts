import { join } from 'node:path';
import { readJsonlGz, SHARED_DATA } from '../resources/index.js';

/** One article of the news corpora under ../shared/data/news (bbc, reuters21578, ecbplus). */
export interface NewsRecord {
  id: string;
  source?: string;
  title?: string | null;
  date?: string | null;
  text: string;
  url?: string | null;
  topic?: string;
  cluster?: string;
  section?: string;
}

export const NEWS_DATA = join(SHARED_DATA, 'news');

/** Reads a JSONL file, gzipped or not, one object per line. */
export { readJsonlGz as readJsonl };
