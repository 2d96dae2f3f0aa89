import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, framed } from '../conformance/corpus-queries.cases.js';
import { openSqliteStore } from './open-store.js';

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-corpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Corpus queries are checked on both stores (conformance/corpus-queries.cases.ts); these are SQLite's own upgrades.
describe('the SQLite span index after an upgrade', () => {
  it('is filled from the layers already stored when an older database is opened', async () => {
    const path = join(dir, 'old.sqlite');
    const store = openSqliteStore(path);
    await store.putDocuments([{ doc }]);
    await store.close();
    // Roll the file back to schema 1 (no span index, nor anything later), as a database written before this migration.
    const db = new Database(path);
    db.exec(
      'DROP TABLE span_index; DROP TABLE doc_links; DROP TABLE corpus_state; DROP TABLE curation; DROP TABLE generations; DROP TABLE pending_link; DROP TABLE meta_versions; DROP TABLE story_entities; DROP TABLE doc_facts; DROP TABLE story_terms; DROP TABLE story_df; DROP TABLE story_members; DROP TABLE version_keys; DROP TABLE version_exact; ALTER TABLE documents DROP COLUMN cjk;',
    );
    db.pragma('user_version = 1');
    db.close();
    const reopened = openSqliteStore(path);
    const entity = await reopened.getEntity('Mara Quill');
    expect(entity).toMatchObject({ mentions: 2, documents: 1, byMonth: [{ value: '2024-05', count: 2 }] });
    expect(entity?.quotesBy.map((quote) => quote.text)).toEqual(['No deal,']);
    expect((await reopened.timeline({})).map((entry) => [entry.date, entry.text])).toEqual([
      ['2024-05-03', '3 May 2024'],
    ]);
    await reopened.close();
  });

  it('are indexed from the layers already stored when a database from before them is opened', async () => {
    const path = join(dir, 'before-loaded.sqlite');
    const store = openSqliteStore(path);
    await store.putDocuments([{ doc: framed('a', 'Harbour Post', '2024-01-01') }]);
    await store.close();
    const db = new Database(path);
    db.exec(`DELETE FROM span_index WHERE layer = 'loaded'; DROP TABLE story_terms; DROP TABLE story_df;
      DROP TABLE story_members; DROP TABLE version_keys; DROP TABLE version_exact;`);
    db.pragma('user_version = 10');
    db.close();
    const reopened = openSqliteStore(path);
    const page = await reopened.listFramingExamples({});
    expect(page.total).toBe(3);
    expect(page.examples.map((example) => [example.label, example.text, example.doc.published])).toEqual([
      ['Doubt', 'so-called', '2024-01-01'],
      ['Loaded_Language', 'disgraceful betrayal', '2024-01-01'],
      ['Bandwagon', 'Everyone knows it', '2024-01-01'],
    ]);
    await reopened.close();
  });
});
