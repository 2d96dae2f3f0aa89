import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LedeError } from '../errors.js';
import { SHARED_DATA } from '../eval/gold.js';

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
export function readJsonl<T>(file: string): T[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new LedeError('DATA_MISSING', `cannot read ${file}`, { cause: error });
  }
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
