import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.js';

describe('openStore', () => {
  it('opens a SQLite file by its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-open-'));
    try {
      const store = await openStore(join(dir, 'a.sqlite'));
      expect(await store.countDocuments()).toBe(0);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which PostgreSQL database it cannot reach, without printing its password', async () => {
    for (const url of ['postgres://lede:secret@127.0.0.1:1/lede', 'POSTGRESQL://lede:secret@127.0.0.1:1/lede']) {
      const refused = openStore(url);
      await expect(refused).rejects.toMatchObject({ code: 'STORE' });
      await expect(refused).rejects.toThrow(/127\.0\.0\.1:1\/lede/);
      await expect(refused).rejects.not.toThrow(/secret/);
    }
  });
});
