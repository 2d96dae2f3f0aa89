import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIdentities } from '../link/index.js';
import { makeSpan } from '../model/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import { CurationResultSchema, EntityListSchema, EntityProfileSchema, QuotePageSchema } from './schemas.js';
import { makeTestDoc } from './test-corpus.js';

const TOKEN = 'entity-token-456';
let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  // Names the pier only in its headline: a span of `metaEntities`, not of `entities`.
  const headlineOnly = makeTestDoc('f'.repeat(64), 'The harbour closed again on Friday.', {
    headline: 'Pier Nine closes',
    published: '2024-05-01',
  });
  headlineOnly.layers.metaEntities = [
    makeSpan(
      'metaEntities',
      0,
      9,
      'LOC',
      { stage: 'test', version: 1 },
      {
        entity: 'Pier Nine',
        field: 'headline',
        index: 0,
        text: 'Pier Nine',
      },
    ),
  ];
  dir = mkdtempSync(join(tmpdir(), 'lede-entity-routes-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  await store.putDocuments([
    {
      doc: makeTestDoc('c'.repeat(64), 'Mara Quill of the Harbour Board spoke on Monday. "We stay," she said.', {
        headline: 'Board stays',
        published: '2024-03-13',
        entities: [
          { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
          { text: 'Harbour Board', type: 'ORG', entity: 'Harbour Board' },
        ],
        quotes: [{ text: '"We stay,"', speaker: 'Mara Quill' }],
      }),
    },
    {
      doc: makeTestDoc('d'.repeat(64), 'Quill returned to the Port Authority. The Port Authority did not comment.', {
        headline: 'Quill returns',
        published: '2024-04-02',
        entities: [
          { text: 'Quill', type: 'PERSON', entity: 'Quill' },
          { text: 'Port Authority', type: 'ORG', entity: 'Port Authority' },
        ],
      }),
    },
    {
      doc: makeTestDoc('e'.repeat(64), 'Boats moored at Pier Nine.', {
        headline: 'Boats moor',
        published: '2024-03-01',
        entities: [{ text: 'Pier Nine', type: 'LOC', entity: 'Pier Nine' }],
      }),
    },
    {
      doc: makeTestDoc('a'.repeat(64), 'The Port Authority said it would reopen the pier.', {
        headline: 'Pier to reopen',
        published: '2024-05-02',
        entities: [{ text: 'Port Authority', type: 'ORG', entity: 'Port Authority' }],
        quotes: [{ text: 'it would reopen the pier', speaker: 'the Port Authority' }],
      }),
    },
    { doc: headlineOnly },
  ]);
  app = createServer({ store, token: TOKEN, webRoot: join(dir, 'no-web') });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};
const post = async (url: string, payload: unknown, token: string | null = TOKEN) => {
  const response = await app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, body: response.json() };
};

describe('the entity API', () => {
  it('lists per-document names from the span index until identities are built', async () => {
    const list = EntityListSchema.parse((await get('/api/entities?type=PERSON')).body);
    expect(list.source).toBe('index');
    expect(list.entities.map((entity) => entity.name).sort()).toEqual(['Mara Quill', 'Quill']);
    expect(list.more).toBe(false);
    // Pages without a count: one row past the page tells whether another follows.
    const first = EntityListSchema.parse((await get('/api/entities?type=PERSON&limit=1')).body);
    const second = EntityListSchema.parse((await get('/api/entities?type=PERSON&limit=1&offset=1')).body);
    expect([first.more, second.more, first.total]).toEqual([true, false, undefined]);
    expect([...first.entities, ...second.entities].map((entity) => entity.name).sort()).toEqual([
      'Mara Quill',
      'Quill',
    ]);
    // Sorted by name, SQL and identities alike: alphabetical whatever the case.
    const byName = EntityListSchema.parse((await get('/api/entities?sort=name')).body).entities.map((e) => e.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect((await get('/api/entities?sort=size')).status).toBe(400);
  });

  it('lists one identity per person once built, with aliases, and finds it by prefix of an alias', async () => {
    await rebuildIdentities(store);
    const list = EntityListSchema.parse((await get('/api/entities?type=PERSON')).body);
    expect(list.source).toBe('identities');
    expect(list.entities).toEqual([
      {
        id: 'PERSON:mara quill',
        name: 'Mara Quill',
        type: 'PERSON',
        mentions: 2,
        documents: 2,
        aliases: ['Quill'],
        variants: [],
        roles: [],
      },
    ]);
    expect([list.total, list.more]).toEqual([1, false]);
    const byAlias = EntityListSchema.parse((await get('/api/entities?q=qui')).body);
    expect(byAlias.entities.map((entity) => entity.name)).toEqual(['Mara Quill']);
  });

  it('serves an identity by an alias with evidence, documents, quotes and the fields the UI reads', async () => {
    const profile = EntityProfileSchema.parse((await get('/api/entities/Quill')).body);
    expect(profile.name).toBe('Mara Quill');
    expect(profile.documentIds).toEqual(['c'.repeat(64), 'd'.repeat(64)]);
    expect(profile.evidence?.map((evidence) => evidence.rule)).toEqual(['surname']);
    expect(profile.surfaceForms).toEqual([
      { value: 'Mara Quill', count: 1 },
      { value: 'Quill', count: 1 },
    ]);
    expect(profile.types).toEqual([{ value: 'PERSON', count: 2 }]);
    expect(profile.byMonth).toEqual([
      { value: '2024-03', count: 1 },
      { value: '2024-04', count: 1 },
    ]);
    expect(profile.recentDocuments.map((doc) => doc.headline)).toEqual(['Quill returns', 'Board stays']);
    expect(profile.quotesBy.map((quote) => quote.text)).toEqual(['"We stay,"']);
    expect(profile.cooccurring).toEqual([
      { name: 'Harbour Board', type: 'ORG', documents: 1 },
      { name: 'Port Authority', type: 'ORG', documents: 1 },
    ]);
    expect((await get('/api/entities/Nobody')).status).toBe(404);
  });

  it('counts a quote by `the` and the name among the quotes by the entity, as the Quotes view does', async () => {
    const profile = EntityProfileSchema.parse((await get('/api/entities/Port%20Authority')).body);
    expect(profile.quotesBy.map((quote) => quote.text)).toEqual(['it would reopen the pier']);
    const view = QuotePageSchema.parse((await get('/api/quotes?speaker=Port%20Authority')).body);
    expect(view.quotes.map((quote) => quote.text)).toEqual(['it would reopen the pier']);
  });

  it('lists a document that names the entity only in its headline with those whose text names it', async () => {
    const profile = EntityProfileSchema.parse((await get('/api/entities/Pier%20Nine')).body);
    expect(profile.documentIds).toEqual(['e'.repeat(64), 'f'.repeat(64)]);
    expect(profile.recentDocuments.map((doc) => doc.headline)).toEqual(['Pier Nine closes', 'Boats moor']);
  });

  it('refuses curation without the bearer token and stores nothing', async () => {
    const response = await post('/api/entities/merge', { into: 'Port Authority', from: 'Harbour Board' }, null);
    expect(response.status).toBe(401);
    const wrong = await post('/api/entities/merge', { into: 'Port Authority', from: 'Harbour Board' }, 'nope');
    expect(wrong.status).toBe(401);
    expect(await store.listCuration()).toEqual([]);
  });

  it('refuses a decision naming no entity, and a malformed body, with 400', async () => {
    const missing = await post('/api/entities/merge', { into: 'Port Authority', from: 'Nobody' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('no entity named "Nobody"');
    expect((await post('/api/entities/alias', { entity: 'Port Authority', alias: 'PA' })).status).toBe(400);
    expect(await store.listCuration()).toEqual([]);
  });

  it('answers 503 at once, storing nothing, while another process holds the write lock', async () => {
    const path = join(dir, 'test.sqlite');
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const impatient = openSqliteStore(path, { waitMs: 200 });
    const busy = createServer({ store: impatient, token: TOKEN, webRoot: join(dir, 'no-web') });
    try {
      const started = Date.now();
      const response = await busy.inject({
        method: 'POST',
        url: '/api/entities/merge',
        payload: { into: 'Port Authority', from: 'Harbour Board' },
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.message).toContain('another process kept writing');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      await busy.close();
      await impatient.close();
    }
    expect(await store.listCuration()).toEqual([]);
  });

  it('merges, renames and edits aliases with the token, showing each at once', async () => {
    const merged = await post('/api/entities/merge', {
      into: 'Port Authority',
      from: 'Harbour Board',
      note: 'same body',
    });
    expect(merged.status).toBe(200);
    expect(CurationResultSchema.parse(merged.body).description).toBe(
      'curator merged "Harbour Board" into "Port Authority"',
    );
    const board = EntityProfileSchema.parse((await get('/api/entities/Harbour%20Board')).body);
    expect(board.name).toBe('Port Authority');
    expect(board.aliases).toEqual(['Harbour Board']);
    // Port Authority in two articles, Harbour Board in one.
    expect(board.mentions).toBe(4);
    expect(board.evidence?.map((evidence) => evidence.detail)).toContain(
      'curator merged "Harbour Board" into "Port Authority" (same body)',
    );

    expect((await post('/api/entities/rename', { entity: 'Port Authority', name: 'Harbour Authority' })).status).toBe(
      200,
    );
    expect(
      (await post('/api/entities/alias', { entity: 'Harbour Authority', alias: 'HA', action: 'add' })).status,
    ).toBe(200);
    const renamed = EntityProfileSchema.parse((await get('/api/entities/HA')).body);
    expect(renamed.name).toBe('Harbour Authority');
    expect(renamed.aliases).toEqual(['HA', 'Harbour Board', 'Port Authority']);
    expect(
      (await post('/api/entities/alias', { entity: 'Harbour Authority', alias: 'HA', action: 'remove' })).status,
    ).toBe(200);
    expect((await get('/api/entities/HA')).status).toBe(404);
    expect((await store.listCuration()).map((row) => (row.decision as { kind: string }).kind)).toEqual([
      'merge',
      'rename',
      'alias-add',
      'alias-remove',
    ]);
  });

  it('splits a name back out into an entity of its own', async () => {
    const split = await post('/api/entities/split', { entity: 'Mara Quill', alias: 'Quill' });
    expect(split.status).toBe(200);
    const list = EntityListSchema.parse((await get('/api/entities?type=PERSON')).body);
    expect(list.entities.map((entity) => [entity.name, entity.mentions]).sort()).toEqual([
      ['Mara Quill', 1],
      ['Quill', 1],
    ]);
  });
});

describe('quotes once identities are built', () => {
  it('marks a speaker no identity is named by as a description, with no entity page to link to', async () => {
    await store.putDocuments([
      {
        doc: makeTestDoc('9'.repeat(64), 'Port officials said the pier "will reopen".', {
          headline: 'Pier to reopen',
          published: '2024-06-01',
          quotes: [{ text: '"will reopen"', speaker: 'Port officials' }],
        }),
      },
    ]);
    const page = QuotePageSchema.parse((await get('/api/quotes')).body);
    const bySpeaker = new Map(page.quotes.map((quote) => [quote.key, quote.speakerDescribed ?? false]));
    expect(bySpeaker.get('Port officials')).toBe(true);
    expect(bySpeaker.get('Mara Quill')).toBe(false);
  });
});
