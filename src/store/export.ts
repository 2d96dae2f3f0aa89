import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { StoredDoc } from './store.js';

const CSV_COLUMNS = [
  'id',
  'external_id',
  'uri',
  'headline',
  'published',
  'published_estimated',
  'outlet',
  'sections',
  'text',
] as const;

/**
 * Writes documents one at a time, waiting for the stream to drain, so a million rows never sit in
 * memory. `signal` stops it between documents or while it waits for a reader that has gone, and a
 * wait for the reader longer than `stallMs` stops it too; the iterator is then closed (its
 * statement and connection are free again) and the abort reason thrown.
 */
export async function exportDocuments(
  docs: AsyncIterable<StoredDoc> | Iterable<StoredDoc>,
  format: 'jsonl' | 'csv',
  out: Writable,
  options: { signal?: AbortSignal; stallMs?: number } = {},
): Promise<number> {
  let count = 0;
  const { signal, stallMs } = options;
  const write = async (line: string) => {
    signal?.throwIfAborted();
    if (out.write(line)) return;
    const stalled = stallMs === undefined ? undefined : AbortSignal.timeout(stallMs);
    const waits = [signal, stalled].filter((one): one is AbortSignal => one !== undefined);
    try {
      await once(out, 'drain', { signal: waits.length ? AbortSignal.any(waits) : undefined });
    } catch (error) {
      if (stalled?.aborted && !signal?.aborted) {
        throw new Error(`the export's reader took nothing for ${(stallMs as number) / 1000} s`, { cause: error });
      }
      throw error;
    }
  };
  if (format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`);
  for await (const doc of docs) {
    count++;
    if (format === 'jsonl') {
      const { raw: _raw, origin: _origin, ...rest } = doc;
      await write(`${JSON.stringify(rest)}\n`);
    } else {
      const row = [
        doc.id,
        doc.externalId ?? '',
        doc.source.uri,
        doc.meta.headline ?? '',
        doc.meta.published?.value ?? '',
        doc.meta.published?.estimated ? 'true' : 'false',
        doc.meta.outlet ?? '',
        doc.meta.sections.join('; '),
        doc.text,
      ];
      await write(`${row.map(csvCell).join(',')}\n`);
    }
  }
  return count;
}

/** RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
