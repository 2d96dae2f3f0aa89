import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import { JobSchema, SearchPageSchema, StoriesSchema } from './schemas.js';

type Job = ReturnType<typeof JobSchema.parse>;

const TOKEN = 'reads-while-linking';
/** The step ingest-worker.fixture.ts adds after the real ones: it waits for the release file. */
const HELD_STEP = 'held for a test';

const FERRY =
  'Ferry fares on the northern crossing will rise by five percent from March, the operator said on Monday. ' +
  'The company blamed the cost of fuel and a new harbour levy for the increase. ' +
  'Passenger groups said island families would pay more to reach the mainland for work and school. ' +
  'The operator said discounted tickets for residents would stay at their current price until the autumn. ' +
  'A spokesperson for the island council said it would ask the operator to reconsider the timing of the rise.';
const LOCKS =
  'The lock gates on the river reopened on Thursday after three weeks of repairs, the canal trust said. ' +
  'Boats had queued for days below the gates while engineers replaced the worn seals and hinges. ' +
  'The trust said the repairs cost more than expected because of damage found under the waterline.';
const GLACIER =
  'Researchers measured the retreat of the Tasman glacier over the summer using drones and survey stakes. ' +
  'The glacier lost more ice this season than in any year since the survey began, the team reported. ' +
  'Meltwater has widened the lake at its foot, which tour boats now cross to reach the ice face.';

const jsonl = (records: { id: string; title: string; text: string }[]) =>
  Buffer.from(records.map((record) => JSON.stringify(record)).join('\n')).toString('base64');

let dir: string;
let release: string;
let store: Store;
let app: ReturnType<typeof createServer>;

async function startJob(name: string, base64: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/jobs/ingest',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: { files: [{ name, base64 }] },
  });
  expect(response.statusCode).toBe(202);
  return JobSchema.parse(response.json()).id;
}

/** Polls the job as a client would until `wanted` holds (the first start of the ingest process under tsx takes seconds). */
async function pollJob(id: string, wanted: (job: Job) => boolean): Promise<Job> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const job = JobSchema.parse((await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json());
    if (wanted(job)) return job;
    if (job.state === 'done' || job.state === 'failed') throw new Error(`job ended (${job.state}: ${job.error})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} never reached the state wanted`);
}

const finished = (id: string) => pollJob(id, (job) => job.state === 'done' || job.state === 'failed');

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}

const search = async (q: string) => {
  const response = await get(`/api/search?q=${q}`);
  expect(response.status).toBe(200);
  return SearchPageSchema.parse(response.body);
};

const stories = async () => {
  const response = await get('/api/stories?limit=100');
  expect(response.status).toBe(200);
  return StoriesSchema.parse(response.body);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-job-reads-'));
  release = join(dir, 'release-link');
  store = openSqliteStore(join(dir, 'test.sqlite'));
  app = createServer({
    store,
    token: TOKEN,
    webRoot: join(dir, 'no-web'),
    ingestProcess: { module: 'ingest-worker.fixture', args: [release] },
  });
  // The corpus as it stands before the job under test: released ahead, so it links and commits.
  writeFileSync(release, '');
  const seeded = await finished(
    await startJob(
      'first.jsonl',
      jsonl([
        { id: 'ferry-1', title: 'Ferry fares to rise', text: FERRY },
        { id: 'locks-1', title: 'Lock gates reopen', text: LOCKS },
      ]),
    ),
  );
  expect(seeded).toMatchObject({ state: 'done', ingested: 2 });
  expect(existsSync(release)).toBe(false);
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reads while an ingest job links', () => {
  it('answer from the links last committed while the job links, and from the new ones once it has committed', async () => {
    const before = await stories();
    expect(before.total).toBe(2);
    const ferryBefore = await search('ferry');
    expect(ferryBefore.hits.map((hit) => hit.copies)).toEqual([0]);

    // A second copy of the ferry article (a version of it) and an article on a new subject.
    const id = await startJob(
      'second.jsonl',
      jsonl([
        { id: 'ferry-2', title: 'Ferry fares to rise in March', text: FERRY },
        { id: 'glacier-1', title: 'Glacier retreats', text: GLACIER },
      ]),
    );
    // Everything linking writes is written, not yet committed: the job waits in its last step.
    const linking = await pollJob(id, (job) => job.linkStep?.step === HELD_STEP);
    expect(linking).toMatchObject({ state: 'linking', ingested: 2 });
    expect(linking.linkedSteps.map((step) => step.step)).toContain('claims');

    // The stored batches were committed before linking began: search finds the new articles...
    const glacier = await search('glacier');
    expect(glacier.hits.map((hit) => hit.headline)).toEqual(['Glacier retreats']);
    const glacierId = glacier.hits[0]?.id as string;
    // ...but versions and stories are the last committed ones: the copy is not grouped with its
    // original yet, and the new article is in no story.
    const ferryDuring = await search('ferry');
    expect(ferryDuring.total).toBe(2);
    expect(ferryDuring.hits.map((hit) => hit.copies)).toEqual([0, 0]);
    const during = await stories();
    expect(during.total).toBe(before.total);
    expect(during.stories.map((story) => [story.id, story.size])).toEqual(
      before.stories.map((story) => [story.id, story.size]),
    );
    expect((await get(`/api/stories/${glacierId}`)).status).toBe(404);
    // All of that was answered while the job still held its link transaction open.
    expect(JobSchema.parse((await get(`/api/jobs/${id}`)).body)).toMatchObject({
      state: 'linking',
      linkStep: { step: HELD_STEP },
    });

    writeFileSync(release, '');
    const job = await finished(id);
    expect(job).toMatchObject({ state: 'done', ingested: 2, failed: 0 });
    expect(job.linkedSteps.map((step) => step.step)).toContain(HELD_STEP);

    // Committed: the read processes and this process's caches see the new links.
    const ferryAfter = await search('ferry');
    expect(ferryAfter.total).toBe(1);
    expect(ferryAfter.hits.map((hit) => hit.copies)).toEqual([1]);
    const after = await stories();
    expect(after.total).toBe(3);
    expect(after.stories.map((story) => story.size).sort()).toEqual([1, 1, 2]);
    expect((await get(`/api/stories/${glacierId}`)).status).toBe(200);
  });

  it('fail a job whose ingest process dies mid-link, keep the last committed links, and let the next job finish the link', async () => {
    const before = await stories();
    const id = await startJob('third.jsonl', jsonl([{ id: 'locks-2', title: 'Lock gates shut', text: LOCKS }]));
    await pollJob(id, (job) => job.linkStep?.step === HELD_STEP);
    process.kill(Number(readFileSync(`${release}.pid`, 'utf8')), 'SIGKILL');
    const failed = await finished(id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/ingest process stopped/);
    // The stored batch stays, with the mark that linking is owed; nothing of the linking was kept:
    // the copy of the lock gates article is not grouped with the original.
    expect(failed.ingested).toBe(1);
    expect((await search('lock')).hits.map((hit) => hit.copies)).toEqual([0, 0]);
    const during = await stories();
    expect(during.stories.map((story) => [story.id, story.size])).toEqual(
      before.stories.map((story) => [story.id, story.size]),
    );
    expect(await store.pendingLink()).toBeDefined();

    // The next job, though all its input is known already, finishes the link the dead one owed.
    writeFileSync(release, '');
    const next = await finished(
      await startJob('again.jsonl', jsonl([{ id: 'locks-2', title: 'Lock gates shut', text: LOCKS }])),
    );
    expect(next).toMatchObject({ state: 'done', ingested: 0, duplicates: 1 });
    expect(await store.pendingLink()).toBeUndefined();
    expect((await search('lock')).hits.map((hit) => hit.copies)).toEqual([1]);
    expect((await stories()).stories.reduce((sum, story) => sum + story.size, 0)).toBe(5);
  });
});
