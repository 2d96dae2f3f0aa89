import type { ReadFailure } from '../ingest/index.js';
import { printable } from './printable.js';

/**
 * The input a failure belongs to: a JSONL line (`file.jsonl:12`), a WARC record or feed item
 * (`file.warc#https://…`) belongs to its file; a page fetched alone is its own input.
 */
export function failedInput(uri: string): string {
  const hash = uri.indexOf('#');
  const base = hash >= 0 ? uri.slice(0, hash) : uri;
  const line = /^(.*):\d+$/.exec(base);
  // `http://host:8080` is a port, not a line number.
  return line && !/^[a-z][a-z0-9+.-]*:\/\/[^/]*$/i.test(base) ? (line[1] as string) : base;
}

/**
 * The failure lines printed after an ingest: the first `perInput` of each input in full, then one
 * line saying how many more that input had, so one broken archive of 10,000 lines does not bury
 * the failures of every other input. `--json` still lists them all.
 */
export function failureLines(failures: readonly ReadFailure[], perInput = 5): string[] {
  const byInput = new Map<string, ReadFailure[]>();
  for (const failure of failures) {
    const input = failedInput(failure.uri);
    const group = byInput.get(input);
    if (group) group.push(failure);
    else byInput.set(input, [failure]);
  }
  const lines: string[] = [];
  for (const [input, group] of byInput) {
    for (const failure of group.slice(0, perInput)) lines.push(printable(`${failure.uri}: ${failure.reason}`));
    const hidden = group.slice(perInput);
    if (hidden.length === 0) continue;
    const reasons = new Set(hidden.map((failure) => failure.reason));
    const why = reasons.size === 1 ? `: ${hidden[0]?.reason}` : ` (${reasons.size} different reasons)`;
    lines.push(
      printable(
        `${input}: ${hidden.length.toLocaleString('en-GB')} more ${hidden.length === 1 ? 'failure' : 'failures'}${why} (--json lists every one)`,
      ),
    );
  }
  return lines;
}
