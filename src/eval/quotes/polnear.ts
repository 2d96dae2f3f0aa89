/** Reads the normalised PolNeAR files (gzip JSONL, one article per line). */

import { join } from 'node:path';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';

export const POLNEAR_DIR = join(SHARED_DATA, 'quotes', 'polnear');

export type PolnearType = 'direct' | 'mixed' | 'indirect';

export interface PolnearQuote {
  quote_start: number;
  quote_end: number;
  quote_text: string;
  speaker_text: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  type: PolnearType;
  speaker_kind: 'pronoun' | 'np' | 'none';
  part?: number;
  parts?: number;
}

export interface PolnearDoc {
  id: string;
  text: string;
  quotes: PolnearQuote[];
  meta: { title?: string; publisher?: string; publication_date?: string };
}

export function readPolnear(split: string, dir: string = POLNEAR_DIR): PolnearDoc[] {
  return readJsonlGz<PolnearDoc>(join(dir, `${split}.jsonl.gz`));
}
