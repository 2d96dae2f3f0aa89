import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIdentities } from '../link/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import { SearchPageSchema } from './schemas.js';
import { strikeArticles } from './test-corpus.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-search-route-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  await store.putDocuments(strikeArticles().map((doc) => ({ doc })));
  app = createServer({ store, webRoot: join(dir, 'no-web') });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = async (query: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(response.statusCode).toBe(200);
  return SearchPageSchema.parse(response.json());
};

describe('GET /api/search facets by entity, speaker and quotes', () => {
  it('counts per-document names before identities are built, and filters by each facet', async () => {
    const page = await search('q=strike');
    expect(page.facets.entities.map((facet) => facet.value)).toEqual([
      'Dockers Union',
      'Ana Reyes',
      'Mara Quill',
      'Quill',
    ]);
    expect(page.facets.hasQuotes.map((facet) => [facet.value, facet.count])).toEqual([
      ['true', 2],
      ['false', 1],
    ]);
    const dockers = await search('q=strike&entity=Dockers%20Union&outlet=Coast%20Daily');
    expect(dockers.hits.map((hit) => hit.headline)).toEqual(['Council backs strike']);
    expect((await search('q=strike&speaker=Mara%20Quill')).hits.map((hit) => hit.headline)).toEqual(['Strike goes on']);
    expect((await search('q=strike&hasQuotes=false')).hits.map((hit) => hit.headline)).toEqual(['Port answers strike']);
  });

  it('speaks of identities once they are built: one facet per entity, found by any of its names', async () => {
    await rebuildIdentities(store);
    const page = await search('q=strike');
    expect(page.facets.entities).toContainEqual({ value: 'Mara Quill', count: 2 });
    expect(page.facets.entities.map((facet) => facet.value)).not.toContain('Quill');
    const byAlias = await search('q=strike&entity=Quill');
    expect(byAlias.hits.map((hit) => hit.headline).sort()).toEqual(['Port answers strike', 'Strike goes on']);
  });

  it('refuses a has-quotes value other than true or false', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/search?q=strike&hasQuotes=maybe' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('hasQuotes');
  });
});

describe('estimated dates in the API', () => {
  it('leaves an estimated range out of the month facet and date order unless includeEstimated=true', async () => {
    const [first] = await store.listDocuments({ limit: 1 });
    await store.setPublished(first?.id as string, {
      value: '2050-01/2051-12',
      estimated: true,
      from: 'contents',
      earliest: '2050-01-01',
      latest: '2051-12-31',
    });
    const months = async (query: string) => (await search(query)).facets.months.map((month) => month.value);
    expect(await months('q=strike')).not.toContain('2050-01');
    expect(await months('q=strike&includeEstimated=true')).toContain('2050-01');
    const listed = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/documents?${query}` })).json().documents as { id: string }[];
    expect((await listed('includeEstimated=true'))[0]?.id).toBe(first?.id);
    expect((await listed('includeEstimated=false'))[0]?.id).not.toBe(first?.id);
    expect((await app.inject({ method: 'GET', url: '/api/documents?includeEstimated=maybe' })).statusCode).toBe(400);
  });
});
