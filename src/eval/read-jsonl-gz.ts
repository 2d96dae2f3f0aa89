import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Records of a gzip JSONL dataset file, the first `limit` only when given. */
export function readJsonlGz<T>(path: string, limit?: number): T[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const records: T[] = [];
  for (const line of lines) {
    if (limit !== undefined && records.length >= limit) break;
    if (line.trim()) records.push(JSON.parse(line) as T);
  }
  return records;
}
