import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/index.js';
import { ingestInputs } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestInputs', () => {
  it('keeps only the first listIds ids in the summary, with exact counts', async () => {
    const input = join(dir, 'wire.jsonl');
    writeFileSync(
      input,
      [1, 2, 3, 4, 5]
        .map((n) => `${JSON.stringify({ id: `w${n}`, text: `Report number ${n} from the wire.` })}\n`)
        .join(''),
    );
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const summary = await ingestInputs(store, [input], {
        context: { maxDocumentBytes: 1e6 },
        workers: 0,
        batchSize: 2,
        listIds: 2,
      });
      expect(summary.ingested).toBe(5);
      expect(summary.ids).toHaveLength(2);
      const externalIds = [];
      for (const id of summary.ids) externalIds.push((await store.getDocument(id))?.externalId);
      expect(externalIds).toEqual(['w1', 'w2']);
      const again = await ingestInputs(store, [input], { context: { maxDocumentBytes: 1e6 }, workers: 0 });
      expect(again).toMatchObject({ ingested: 0, duplicates: 5, ids: [] });
    } finally {
      await store.close();
    }
  });
});
