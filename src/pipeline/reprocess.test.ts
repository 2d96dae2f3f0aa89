import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/index.js';
import { ingestInputs } from './ingest.js';
import { reprocessDocuments } from './reprocess.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-reprocess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reprocessDocuments', () => {
  it('drops a line learnt as boilerplate from documents stored before it was learnt, once', async () => {
    const footer = 'Listen to our morning podcast on every platform';
    for (let n = 1; n <= 4; n++) {
      writeFileSync(join(dir, `${n}.txt`), `Story number ${n}\n\nThe body of story ${n} reports news.\n\n${footer}\n`);
    }
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    try {
      await ingestInputs(store, [dir], { context: { maxDocumentBytes: 1e6 } });
      const before = [...store.iterateDocuments()];
      expect(before.every((doc) => doc.text.includes(footer))).toBe(true);
      expect(await reprocessDocuments(store)).toEqual({ seen: 4, changed: 4 });
      const after = [...store.iterateDocuments()];
      expect(after.map((doc) => doc.text)).toEqual([1, 2, 3, 4].map((n) => `The body of story ${n} reports news.`));
      expect(after.map((doc) => doc.id)).toEqual(before.map((doc) => doc.id));
      expect(store.search({ text: 'podcast' }).total).toBe(0);
      expect(await reprocessDocuments(store)).toEqual({ seen: 4, changed: 0 });
    } finally {
      store.close();
    }
  });
});
