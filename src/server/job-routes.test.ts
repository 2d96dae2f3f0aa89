import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../ingest/fetch/test-server.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import { DocumentSchema, ErrorResponse, JobListSchema, JobSchema } from './schemas.js';

type Job = ReturnType<typeof JobSchema.parse>;
const JobResponse = JobSchema;

const TOKEN = 'job-token-789';
const auth = { authorization: `Bearer ${TOKEN}` };
let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;
let pages: TestServer;
/** Opens the `/held` page: until then a job fetching it waits there. */
let releaseHeld = () => {};
const held = new Promise<void>((resolve) => {
  releaseHeld = resolve;
});

const STORY = 'Ferry fares rise again\n\nFerry fares will rise by five percent, the operator said on Monday.\n';
const WIRE = [
  { id: 'wire-1', title: 'Harbour cranes idle', text: 'The harbour cranes stood idle for a second day on Tuesday.' },
  { id: 'wire-2', title: 'Pilots return', text: 'Harbour pilots returned to work after talks ended on Wednesday.' },
]
  .map((record) => JSON.stringify(record))
  .concat(['{"id": "wire-3", "text": ']) // a truncated line: one failure, the rest still stored
  .join('\n');
const PAGE =
  '<html><head><title>Lock gates reopen</title></head><body><article><h1>Lock gates reopen</h1>' +
  '<p>The lock gates on the river reopened on Thursday after three weeks of repairs, the canal trust said.</p>' +
  '<p>Boats had queued for days below the gates while engineers replaced the seals.</p></article></body></html>';

const base64 = (text: string) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-job-routes-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  pages = await startTestServer({
    '/lock-gates': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    '/held': (_, res) => {
      void held.then(() =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE.replaceAll('Lock gates', 'Weir')),
      );
    },
  });
  app = createServer({
    store,
    token: TOKEN,
    webRoot: join(dir, 'no-web'),
    // The page server is on loopback; a served lede refuses private addresses by default.
    fetch: { allowPrivate: true, requestsPerSecond: 100, respectRobots: false },
  });
});

afterAll(async () => {
  await app.close();
  await pages.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const startJob = (payload: unknown, headers: Record<string, string> = auth) =>
  app.inject({ method: 'POST', url: '/api/jobs/ingest', headers, payload: payload as Record<string, unknown> });

/** Polls the job as a client would until it has finished. */
async function finished(id: string): Promise<Job> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await app.inject({ method: 'GET', url: `/api/jobs/${id}` });
    expect(response.statusCode).toBe(200);
    const job = JobResponse.parse(response.json());
    expect(job.done).toBeLessThanOrEqual(job.total);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('ingest jobs', () => {
  it('refuse to start without the bearer token', async () => {
    const response = await startJob({ files: [{ name: 'story.txt', base64: base64(STORY) }] }, {});
    expect(response.statusCode).toBe(401);
    expect(ErrorResponse.parse(response.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('refuse empty jobs, unsafe file names and URLs that are not http(s)', async () => {
    for (const payload of [
      {},
      { files: [{ name: '../etc/passwd', base64: base64('x') }] },
      { files: [{ name: '..', base64: base64('x') }] },
      { files: [{ name: 'a.txt', base64: 'not base64!' }] },
      { urls: ['file:///etc/passwd'] },
    ]) {
      const response = await startJob(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(ErrorResponse.parse(response.json()).error.code).toBe('BAD_REQUEST');
    }
  });

  it('ingest uploaded files in the background, counting every record, and report each failure by upload name', async () => {
    const response = await startJob({
      files: [
        { name: 'story.txt', base64: base64(STORY) },
        { name: 'wire.jsonl', base64: base64(WIRE) },
      ],
    });
    expect(response.statusCode).toBe(202);
    const started = JobResponse.parse(response.json());
    expect(started.inputs).toEqual(['upload:story.txt', 'upload:wire.jsonl']);
    const job = await finished(started.id);
    expect(job).toMatchObject({ state: 'done', total: 4, done: 4, ingested: 3, duplicates: 0, failed: 1 });
    // Linking reports each of its steps, in order, with its time; nothing is left running.
    expect(job.linkedSteps.map((step: { step: string }) => step.step)).toEqual([
      'versions and stories',
      'identities',
      'statements',
      'claims',
      'timeline',
    ]);
    expect(job.linkStep).toBeUndefined();
    expect(job.failures).toHaveLength(1);
    expect(job.failures[0]?.uri).toMatch(/^upload:wire\.jsonl/);
    expect(job.ids).toHaveLength(3);
    const headlines = await Promise.all(
      job.ids.map(
        async (id) =>
          DocumentSchema.parse((await app.inject({ method: 'GET', url: `/api/documents/${id}` })).json()).meta.headline,
      ),
    );
    expect(headlines.sort()).toEqual(['Ferry fares rise again', 'Harbour cranes idle', 'Pilots return']);
    expect(job.stored.map((doc) => doc.headline).sort()).toEqual(headlines);
    // The corpus was relinked: the new documents have version and story links.
    expect((await store.getDocLink(job.ids[0] as string))?.story).toBeDefined();
  });

  it('count the same upload again as duplicates', async () => {
    const job = await finished(
      JobResponse.parse((await startJob({ files: [{ name: 'story.txt', base64: base64(STORY) }] })).json()).id,
    );
    expect(job).toMatchObject({ state: 'done', total: 1, done: 1, ingested: 0, duplicates: 1 });
  });

  it('fetch page URLs through the guarded fetcher', async () => {
    const job = await finished(
      JobResponse.parse((await startJob({ urls: [`${pages.origin}/lock-gates`, `${pages.origin}/gone`] })).json()).id,
    );
    expect(job).toMatchObject({ state: 'done', total: 2, done: 2, ingested: 1, failed: 1 });
    expect(job.failures[0]?.uri).toBe(`${pages.origin}/gone`);
    const doc = DocumentSchema.parse((await app.inject({ method: 'GET', url: `/api/documents/${job.ids[0]}` })).json());
    expect(doc.text).toContain('The lock gates on the river reopened on Thursday');
  });

  it('report progress while they run: batches stored so far, of a total counted first', async () => {
    const wire = Array.from({ length: 45 }, (_, index) =>
      JSON.stringify({
        id: `bulk-${index}`,
        title: `Dredging report ${index}`,
        text: `Dredging of berth ${index} moved ${index * 100 + 50} tonnes of silt on Friday, the port said.`,
      }),
    ).join('\n');
    const response = await startJob({
      files: [{ name: 'bulk.jsonl', base64: base64(wire) }],
      urls: [`${pages.origin}/held`],
    });
    const id = JobResponse.parse(response.json()).id;
    // The 45 records go in batches of 20; the page after them is held, so the job stops part way.
    let midway: Job | undefined;
    for (let attempt = 0; attempt < 400 && !midway; attempt++) {
      const job = JobResponse.parse((await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json());
      if (job.done === 40) midway = job;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(midway).toMatchObject({ state: 'running', done: 40, total: 46, ingested: 40, failed: 0 });
    releaseHeld();
    expect(await finished(id)).toMatchObject({ state: 'done', done: 46, total: 46, ingested: 46 });
  });

  it('refuse private addresses unless the server allows them', async () => {
    const guarded = createServer({ store, token: TOKEN, webRoot: join(dir, 'no-web') });
    try {
      const response = await guarded.inject({
        method: 'POST',
        url: '/api/jobs/ingest',
        headers: auth,
        payload: { urls: [`${pages.origin}/lock-gates`] },
      });
      const id = JobResponse.parse(response.json()).id;
      let job: Job | undefined;
      // The ingest process starts with the first job: under tsx that alone can take seconds.
      for (let attempt = 0; attempt < 800 && job?.finishedAt === undefined; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = JobResponse.parse((await guarded.inject({ method: 'GET', url: `/api/jobs/${id}` })).json());
      }
      expect(job).toMatchObject({ state: 'done', ingested: 0, failed: 1 });
      expect(job?.failures[0]?.reason).toMatch(/private|loopback/i);
    } finally {
      await guarded.close();
    }
  });

  it('list recent jobs newest first, and answer an unknown job with 404', async () => {
    const { jobs } = JobListSchema.parse((await app.inject({ method: 'GET', url: '/api/jobs' })).json());
    expect(jobs.length).toBe(4);
    expect(jobs[0]?.inputs).toEqual(['upload:bulk.jsonl', `${pages.origin}/held`]);
    const missing = await app.inject({ method: 'GET', url: '/api/jobs/no-such-job' });
    expect(missing.statusCode).toBe(404);
    expect(ErrorResponse.parse(missing.json()).error.message).toContain('no job');
  });

  it('describe the job routes in the OpenAPI document with the JSON body schema', async () => {
    const { paths } = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = paths['/api/jobs/ingest'].post;
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(post.responses)).toContain('202');
    expect(post.requestBody.content['application/json'].schema.properties).toHaveProperty('urls');
    expect(paths['/api/jobs/{id}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty(
      'total',
    );
  });
});

describe('the token check', () => {
  it('answers 200 for the right token and 401 for a missing or wrong one', async () => {
    const check = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/token', headers });
    expect((await check(auth)).json()).toEqual({ valid: true });
    expect((await check({})).statusCode).toBe(401);
    expect((await check({ authorization: 'Bearer wrong' })).statusCode).toBe(401);
  });
});
