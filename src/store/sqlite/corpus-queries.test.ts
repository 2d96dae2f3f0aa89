import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSpan } from '../../model/index.js';
import { makeTestDoc } from '../../server/test-corpus.js';
import { openSqliteStore } from './open-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-corpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = 'Mara Quill met the Dockers Union. "No deal," said Mara Quill on 3 May 2024.';
const doc = makeTestDoc('c'.repeat(64), text, {
  headline: 'Dock talks',
  published: '2024-05-04',
  entities: [
    { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
    { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
  ],
  quotes: [{ text: 'No deal,', speaker: 'Mara Quill' }],
  timexes: [{ text: '3 May 2024', value: '2024-05-03' }],
});

describe('the span index behind corpus views', () => {
  it('follows a document whose layers are replaced, keeping no stale spans', () => {
    const store = openSqliteStore(join(dir, 'a.sqlite'));
    store.putDocuments([{ doc }]);
    expect(store.listEntities({}).map((entity) => [entity.name, entity.mentions])).toEqual([
      ['Mara Quill', 2],
      ['Dockers Union', 1],
    ]);
    const start = text.indexOf('Dockers');
    store.putLayers(doc.id, {
      entities: [makeSpan('entities', start, start + 13, 'ORG', { stage: 'test', version: 2 }, { entity: 'Dockers' })],
    });
    expect(store.listEntities({}).map((entity) => [entity.name, entity.mentions])).toEqual([['Dockers', 1]]);
    expect(store.getEntity('Mara Quill')).toBeUndefined();
    expect(store.listQuotes({}).quotes.map((quote) => [quote.key, quote.text])).toEqual([['Mara Quill', 'No deal,']]);
    store.close();
  });

  it('lists one speaker per identity when per-document names are mapped to corpus names', () => {
    const store = openSqliteStore(join(dir, 'names.sqlite'));
    const short = makeTestDoc('d'.repeat(64), 'Quill spoke. "Still no deal," said Quill.', {
      headline: 'Dock talks again',
      published: '2024-05-05',
      entities: [{ text: 'Quill', type: 'PERSON', entity: 'Quill' }],
      quotes: [{ text: 'Still no deal,', speaker: 'Quill' }],
    });
    store.putDocuments([{ doc }, { doc: short }]);
    expect(store.listQuotes({}).speakers).toEqual([
      { value: 'Mara Quill', count: 1 },
      { value: 'Quill', count: 1 },
    ]);
    const names = new Map([
      ['Quill', 'Mara Quill'],
      ['Mara Quill', 'Mara Quill'],
    ]);
    const page = store.listQuotes({ names });
    expect(page.speakers).toEqual([{ value: 'Mara Quill', count: 2 }]);
    expect(page.quotes.map((quote) => quote.key)).toEqual(['Mara Quill', 'Mara Quill']);
    expect(store.listQuotes({ names, speaker: 'Mara Quill' }).total).toBe(2);
    expect(store.listQuotes({ speaker: 'Mara Quill' }).total).toBe(1);
    store.close();
  });

  it('lists the quotes that name an entity once each, in document and text order, leaving out its own', () => {
    const store = openSqliteStore(join(dir, 'about.sqlite'));
    const older = makeTestDoc(
      'e'.repeat(64),
      'Talks went on. "The Dockers Union and only the Dockers Union decides," said Ivo Brand. ' +
        '"The Dockers Union will not move," said the Dockers Union. "Nothing to add," said Ivo Brand.',
      {
        published: '2024-05-01',
        entities: [
          { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
          { text: 'Ivo Brand', type: 'PERSON', entity: 'Ivo Brand' },
        ],
        quotes: [
          { text: 'The Dockers Union and only the Dockers Union decides,', speaker: 'Ivo Brand' },
          { text: 'The Dockers Union will not move,', speaker: 'Dockers Union' },
          { text: 'Nothing to add,', speaker: 'Ivo Brand' },
        ],
      },
    );
    const newer = makeTestDoc('f'.repeat(64), '"Ask the Dockers Union," said Ivo Brand.', {
      published: '2024-06-01',
      entities: [
        { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
        { text: 'Ivo Brand', type: 'PERSON', entity: 'Ivo Brand' },
      ],
      quotes: [{ text: 'Ask the Dockers Union,', speaker: 'Ivo Brand' }],
    });
    store.putDocuments([{ doc: older }, { doc: newer }, { doc }]);
    expect(
      store.getEntity('Dockers Union')?.quotesAbout.map((quote) => [quote.doc.id[0], quote.key, quote.text]),
    ).toEqual([
      ['f', 'Ivo Brand', 'Ask the Dockers Union,'],
      ['e', 'Ivo Brand', 'The Dockers Union and only the Dockers Union decides,'],
    ]);
    expect(store.getEntity('Ivo Brand')?.quotesAbout).toEqual([]);
    store.close();
  });

  it('is filled from the layers already stored when an older database is opened', () => {
    const path = join(dir, 'old.sqlite');
    const store = openSqliteStore(path);
    store.putDocuments([{ doc }]);
    store.close();
    // Roll the file back to schema 1 (no span index, nor anything later), as a database written before this migration.
    const db = new Database(path);
    db.exec(
      'DROP TABLE span_index; DROP TABLE doc_links; DROP TABLE corpus_state; DROP TABLE curation; DROP TABLE generations; DROP TABLE pending_link; DROP TABLE meta_versions; DROP TABLE story_entities; DROP TABLE doc_facts; ALTER TABLE documents DROP COLUMN cjk;',
    );
    db.pragma('user_version = 1');
    db.close();
    const reopened = openSqliteStore(path);
    const entity = reopened.getEntity('Mara Quill');
    expect(entity).toMatchObject({ mentions: 2, documents: 1, byMonth: [{ value: '2024-05', count: 2 }] });
    expect(entity?.quotesBy.map((quote) => quote.text)).toEqual(['No deal,']);
    expect(reopened.timeline({}).map((entry) => [entry.date, entry.text])).toEqual([['2024-05-03', '3 May 2024']]);
    reopened.close();
  });
});
