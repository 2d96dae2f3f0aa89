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
 * memory. `signal` stops it between documents or while it waits for a reader that has gone (the
 * iterator is closed, so its statement and connection are free again): it then throws the abort reason.
 */
export async function exportDocuments(
  docs: Iterable<StoredDoc>,
  format: 'jsonl' | 'csv',
  out: Writable,
  signal?: AbortSignal,
): Promise<number> {
  let count = 0;
  const write = async (line: string) => {
    signal?.throwIfAborted();
    if (!out.write(line)) await once(out, 'drain', { signal });
  };
  if (format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`);
  for (const doc of docs) {
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
