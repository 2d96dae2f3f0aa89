import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLES, found, id } from '../conformance/search-scripts.cases.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteStore } from './open-store.js';

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Search in every script is checked on both stores (conformance/search-scripts.cases.ts); this is SQLite's own upgrade.
describe('the SQLite search index', () => {
  it('rebuilds the index of a store made before, so its Arabic, Korean and ß are found', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 6)) old.exec(migration);
    old.pragma('user_version = 6');
    const insert = old.prepare(
      `INSERT INTO documents (id, uri, media_type, ingested_at, headline, meta, text, raw, origin, messages, word_count)
       VALUES (?, 'test', 'text/plain', '2024-01-01', ?, ?, ?, ?, '[]', '[]', 1)`,
    );
    for (const doc of ARTICLES) {
      const seq = insert.run(doc.id, doc.meta.headline, JSON.stringify(doc.meta), doc.text, doc.text).lastInsertRowid;
      old
        .prepare('INSERT INTO documents_fts (rowid, headline, text) VALUES (?, ?, ?)')
        .run(seq, doc.meta.headline, doc.text);
    }
    old.close();
    const store = openSqliteStore(path);
    expect(await found(store, 'محمد')).toEqual([2]);
    expect(await found(store, '서울')).toEqual([3]);
    expect(await found(store, 'strasse')).toEqual([1]);
    expect(await found(store, 'munich')).toEqual([5]);
    // Rewriting a migrated document takes its old terms out of the index.
    const stored = await store.getDocument(id(3));
    if (!stored) throw new Error('document 3 is missing');
    await store.replaceDocument({
      ...stored,
      text: '부산에서 회의가 열렸다.',
      meta: { ...stored.meta, headline: '부산 회의' },
    });
    expect(await found(store, '서울')).toEqual([]);
    expect(await found(store, '부산')).toEqual([3]);
    await store.close();
  });
});
