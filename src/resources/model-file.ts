import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LedeError } from '../errors.js';

/** The text of a shipped model file (gunzipped when it ends in .gz); a missing file names the command that builds it. */
export function readModelText(path: string, what: string, trainCommand: string): string {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw new LedeError('MODEL_MISSING', `${what} not found at ${path}; run \`${trainCommand}\``, { cause: error });
  }
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}
