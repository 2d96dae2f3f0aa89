import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeTestDoc } from '../../src/server/test-corpus.js';
import { exportDocuments, type StoredDoc } from '../../src/store/index.js';
import { RowCounter } from './export-rows.js';

/** Real export bytes, written by the server's own exporter. */
async function exported(format: 'jsonl' | 'csv', docs: StoredDoc[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await exportDocuments(docs, format, out);
  return Buffer.concat(parts);
}

const docs: StoredDoc[] = [
  'The council met on Monday.\n\nIt voted "yes", said the clerk, by 7 to 2.',
  'Ein Bürgermeister, «sagte» er.\n\nZweiter Absatz, mit Komma.',
  'One line only.',
].map((text, index) => ({
  ...makeTestDoc(String(index).repeat(64), text, { headline: `Headline, "${index}"\nsecond line` }),
  seq: index + 1,
  ingestedAt: '2024-01-01T00:00:00Z',
}));

/** Feeds `bytes` in chunks of `size`, as a network read would cut them. */
function count(format: 'jsonl' | 'csv', bytes: Buffer, size: number): RowCounter {
  const counter = new RowCounter(format);
  for (let at = 0; at < bytes.length; at += size) counter.add(bytes.subarray(at, at + size));
  return counter;
}

describe('counting export rows as they stream', () => {
  it('counts one row per document in JSONL and CSV, whatever the chunk size', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      const bytes = await exported(format, docs);
      for (const size of [1, 3, 7, 64, bytes.length]) {
        const counter = count(format, bytes, size);
        expect(counter.rows, `${format} in chunks of ${size}`).toBe(docs.length);
        expect(counter.bytes).toBe(bytes.length);
      }
    }
  });

  it('does not count the newlines inside quoted CSV cells, nor the header', async () => {
    const bytes = await exported('csv', docs.slice(0, 1));
    expect(bytes.toString().split('\n').length - 1).toBeGreaterThan(2);
    expect(count('csv', bytes, 5).rows).toBe(1);
    expect(count('csv', Buffer.from('id,text\n'), 3).rows).toBe(0);
  });
});
