import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LedeError } from '../errors.js';

/**
 * Records of a dataset JSONL file, gzipped (`.gz`) or not, the first `limit` only when given. The
 * one reader of ../shared/data files: evaluations, trainers and benchmarks all call it.
 */
export function readJsonlGz<T>(path: string, limit?: number): T[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new LedeError('DATA_MISSING', `cannot read ${path}`, { cause: error });
  }
  const lines = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n');
  const records: T[] = [];
  for (const line of lines) {
    if (limit !== undefined && records.length >= limit) break;
    if (line.trim()) records.push(JSON.parse(line) as T);
  }
  return records;
}
