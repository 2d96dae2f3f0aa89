import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import {
  DocumentSchema,
  EntityListSchema,
  EntityProfileSchema,
  ErrorResponse,
  QuotePageSchema,
  SearchPageSchema,
  StatsSchema,
  StoriesSchema,
  TimelineSchema,
} from './schemas.js';
import { makeTestDoc } from './test-corpus.js';

const TOKEN = 'test-token-123';
let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-server-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  await store.putDocuments([
    {
      doc: makeTestDoc(
        'a'.repeat(64),
        'The harbour strike entered its third day. "We will not go back," said Mara Quill of the Dockers Union. ' +
          'The Dockers Union met on 12 March 2024.',
        {
          headline: 'Harbour strike continues',
          outlet: 'Harbour Post',
          published: '2024-03-13',
          sections: ['Business'],
          entities: [
            { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
            { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
          ],
          quotes: [{ text: 'We will not go back,', speaker: 'Mara Quill' }],
          timexes: [{ text: '12 March 2024', value: '2024-03-12' }],
        },
      ),
    },
    {
      doc: makeTestDoc(
        'b'.repeat(64),
        'Port officials said the Dockers Union had "no mandate" for the strike. Mara Quill disagreed.',
        {
          headline: 'Port rejects strike',
          outlet: 'Coast Daily',
          published: '2024-04-02',
          entities: [
            { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
            { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
          ],
          quotes: [{ text: 'the Dockers Union had "no mandate" for the strike', speaker: 'Port officials' }],
        },
      ),
    },
  ]);
  app = createServer({ store, token: TOKEN, webRoot: join(dir, 'no-web') });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const getJson = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

describe('the read API', () => {
  it('searches with facets and snippets made of plain text pieces', async () => {
    const { status, body } = await getJson('/api/search?q=strike');
    expect(status).toBe(200);
    const page = SearchPageSchema.parse(body);
    expect(page.total).toBe(2);
    expect(page.facets.outlets.map((facet) => facet.value).sort()).toEqual(['Coast Daily', 'Harbour Post']);
    expect(page.facets.months).toContainEqual({ value: '2024-03', count: 1 });
    expect(page.hits[0]?.snippet.some((piece) => piece.hit && /strike/i.test(piece.text))).toBe(true);
  });

  it('filters search by outlet and date', async () => {
    const page = SearchPageSchema.parse((await getJson('/api/search?q=strike&outlet=Coast%20Daily')).body);
    expect(page.hits.map((hit) => hit.headline)).toEqual(['Port rejects strike']);
    const dated = SearchPageSchema.parse((await getJson('/api/search?q=strike&from=2024-04')).body);
    expect(dated.hits.map((hit) => hit.headline)).toEqual(['Port rejects strike']);
  });

  it('returns a document with all its layers but without the raw text, which has its own route', async () => {
    const doc = DocumentSchema.parse((await getJson(`/api/documents/${'a'.repeat(64)}`)).body);
    expect(Object.keys(doc.layers).sort()).toEqual(['entities', 'quotes', 'sentences', 'timexes']);
    const quote = doc.layers.quotes?.[0];
    expect(doc.text.slice(quote?.start, quote?.end)).toBe('We will not go back,');
    const raw = await app.inject({ method: 'GET', url: `/api/documents/${'a'.repeat(8)}/raw` });
    expect(raw.headers['content-type']).toContain('text/plain');
    expect(raw.body.startsWith('Harbour strike continues')).toBe(true);
  });

  it('lists quotes filtered by speaker and by the entity they mention', async () => {
    const all = QuotePageSchema.parse((await getJson('/api/quotes')).body);
    expect(all.total).toBe(2);
    const bySpeaker = QuotePageSchema.parse((await getJson('/api/quotes?speaker=Mara%20Quill')).body);
    expect(bySpeaker.quotes.map((quote) => quote.text)).toEqual(['We will not go back,']);
    const about = QuotePageSchema.parse((await getJson('/api/quotes?entity=Dockers%20Union')).body);
    expect(about.quotes.map((quote) => quote.key)).toEqual(['Port officials']);
    const newest = all.quotes.map((quote) => quote.doc.published);
    const oldest = QuotePageSchema.parse((await getJson('/api/quotes?sort=oldest')).body);
    expect(oldest.quotes.map((quote) => quote.doc.published)).toEqual([...newest].reverse());
    expect(newest[0]).not.toBe(newest[1]);
    expect((await app.inject({ method: 'GET', url: '/api/quotes?sort=speaker' })).statusCode).toBe(400);
  });

  it('aggregates entities across documents into an entity page', async () => {
    const list = EntityListSchema.parse((await getJson('/api/entities?type=PERSON')).body);
    expect(list.entities).toEqual([{ name: 'Mara Quill', type: 'PERSON', mentions: 2, documents: 2 }]);
    const profile = EntityProfileSchema.parse((await getJson('/api/entities/Mara%20Quill')).body);
    expect(profile.byMonth).toEqual([
      { value: '2024-03', count: 1 },
      { value: '2024-04', count: 1 },
    ]);
    expect(profile.quotesBy.map((quote) => quote.text)).toEqual(['We will not go back,']);
    expect(profile.cooccurring).toEqual([{ name: 'Dockers Union', type: 'ORG', documents: 2 }]);
  });

  it('places dated expressions on the timeline with their source document', async () => {
    const { entries } = TimelineSchema.parse((await getJson('/api/timeline?entity=Mara%20Quill')).body);
    expect(entries.map((entry) => [entry.date, entry.text, entry.doc.headline])).toEqual([
      ['2024-03-12', '12 March 2024', 'Harbour strike continues'],
    ]);
  });

  it('says plainly that no story clusters exist yet', async () => {
    const stories = StoriesSchema.parse((await getJson('/api/stories')).body);
    expect(stories).toMatchObject({ available: false, stories: [] });
  });

  it('reports stats and answers unknown things with JSON errors and no stack', async () => {
    expect(StatsSchema.parse((await getJson('/api/stats')).body).documents).toBe(2);
    for (const url of ['/api/documents/zzzzzz', '/api/entities/Nobody', '/api/nothing-here']) {
      const { status, body } = await getJson(url);
      expect(status).toBe(404);
      expect(ErrorResponse.parse(body).error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
    const bad = await getJson('/api/search?q=strike&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from');
  });

  it('streams exports as JSONL and CSV', async () => {
    const jsonl = await app.inject({ method: 'GET', url: '/api/export?format=jsonl' });
    const lines = jsonl.body.trim().split('\n');
    // The count comes before the body, so a client can show progress while the rows stream.
    expect(jsonl.headers['x-lede-documents']).toBe(String(lines.length));
    expect(lines.map((line) => JSON.parse(line).meta.headline)).toEqual([
      'Harbour strike continues',
      'Port rejects strike',
    ]);
    const csv = await app.inject({ method: 'GET', url: '/api/export?format=csv&outlet=Coast%20Daily' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toContain('Port rejects strike');
    expect(csv.headers['x-lede-documents']).toBe('1');
  });

  it('sends a Content-Security-Policy forbidding inline scripts on every response', async () => {
    const { headers } = await getJson('/api/stats');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('the OpenAPI document and docs page', () => {
  it('describes every registered route with parameters generated from the zod schemas', async () => {
    const { body } = await getJson('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/documents/{id}', '/api/entities/{name}', '/api/ingest']),
    );
    const q = body.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'q');
    expect(q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1 } });
    expect(body.paths['/api/ingest'].post.security).toEqual([{ bearer: [] }]);
  });

  it('serves docs whose script is a separate file, with no inline script', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.body).toContain('<script src="/api/docs/docs.js"');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await app.inject({ method: 'GET', url: '/api/docs/docs.js' });
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).not.toContain('innerHTML');
  });
});

describe('writes', () => {
  const post = (headers: Record<string, string>, payload: string) =>
    app.inject({ method: 'POST', url: '/api/ingest?name=story.txt', headers, payload });
  const story =
    'Tide Gazette\n\nFerry fares rise again\n\nFerry fares will rise by five percent, the operator said on Monday.\n';

  it('refuse to ingest without the bearer token, or with a wrong one', async () => {
    const none = await post({ 'content-type': 'text/plain' }, story);
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHORIZED');
    const wrong = await post({ 'content-type': 'text/plain', authorization: 'Bearer nope' }, story);
    expect(wrong.statusCode).toBe(401);
  });

  it('ingest a text body through the real pipeline with the token', async () => {
    const response = await post({ 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, story);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ ingested: 1, failed: 0 });
    const doc = DocumentSchema.parse((await getJson(`/api/documents/${result.ids[0]}`)).body);
    expect(doc.text).toContain('Ferry fares will rise');
    expect(doc.layers.sentences?.length).toBeGreaterThan(0);
    const again = await post({ 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, story);
    expect(again.json()).toMatchObject({ ingested: 0, duplicates: 1 });
  });

  it('are refused entirely when the server has no token', async () => {
    const readOnly = createServer({ store });
    const response = await readOnly.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer anything' },
      payload: story,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toContain('--token');
    await readOnly.close();
  });
});

describe('the web UI files', () => {
  it('says how to build the UI when it is not built, and never serves API misses as the UI', async () => {
    const page = await app.inject({ method: 'GET', url: '/search' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build:web');
    const miss = await app.inject({ method: 'GET', url: '/api/not-a-route' });
    expect(miss.statusCode).toBe(404);
    expect(miss.json().error.code).toBe('NOT_FOUND');
  });
});
