import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../eval/gold.js';
import { computeClaims } from '../link/claims/index.js';
import { computeStatements } from '../link/statements/index.js';
import { computeTimeline } from '../link/timeline/index.js';
import { CORPUS_STEPS, ingestInputs, linkCorpus } from '../pipeline/index.js';
import { SEEDS_DIR } from '../resources/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createServer } from './app.js';
import {
  ClaimsSchema,
  DocumentFramingSchema,
  DuplicatesSchema,
  FramingExamplesSchema,
  FramingReportSchema,
  StatementPageSchema,
  StoriesSchema,
  StoryDetailSchema,
  TimelineSchema,
} from './schemas.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-corpus-routes-'));
  store = openSqliteStore(join(dir, 'seeds.sqlite'));
  await ingestInputs(
    store,
    seedFiles().map((file) => join(SEEDS_DIR, file)),
    { context: { maxDocumentBytes: 1e7 }, workers: 0 },
  );
  app = createServer({ store, token: 'test-token-123', webRoot: join(dir, 'no-web') });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const getJson = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('the corpus-state routes', () => {
  it('say plainly when statements and claims have not been computed yet', async () => {
    expect(StatementPageSchema.parse((await getJson('/api/statements')).body).available).toBe(false);
    expect(ClaimsSchema.parse((await getJson('/api/claims')).body)).toMatchObject({ available: false, claims: [] });
  });

  it('serve statements with their sources once computed, filtered by speaker and source count', async () => {
    await computeStatements(store);
    const { status, body } = await getJson('/api/statements?speaker=Akram%20al-Kaabi&minSources=2');
    expect(status).toBe(200);
    const page = StatementPageSchema.parse(body);
    expect(page.available).toBe(true);
    expect(page.total).toBeGreaterThan(0);
    for (const statement of page.statements) {
      expect(statement.speakerName).toBe('Akram al-Kaabi');
      expect(new Set(statement.sources.map((source) => source.docId)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('serve claims with both pieces of evidence, filtered by relation', async () => {
    await computeClaims(store);
    const conflicts = ClaimsSchema.parse((await getJson('/api/claims?relation=conflict')).body);
    expect(conflicts.claims.length).toBeGreaterThan(0);
    expect(conflicts.claims.every((claim) => claim.relation === 'conflict' && claim.evidence.length === 2)).toBe(true);
    expect(
      conflicts.claims.some((claim) => claim.evidence.every((evidence) => evidence.source.name.startsWith('004'))),
    ).toBe(true);
    const all = ClaimsSchema.parse((await getJson('/api/claims')).body);
    expect(all.total).toBe(all.claims.length);
    expect(all.claims.length).toBeGreaterThan(1);
    const second = ClaimsSchema.parse((await getJson('/api/claims?limit=1&offset=1')).body);
    expect(second).toMatchObject({ total: all.total, claims: [all.claims[1]] });
    const bad = await app.inject({ method: 'GET', url: '/api/claims?relation=maybe' });
    expect(bad.statusCode).toBe(400);
    // The orders themselves are checked in src/query/claims.test.ts (the samples' two claims are in
    // topic order already): here, that the route takes the parameter and refuses an unknown order.
    const byTopic = ClaimsSchema.parse((await getJson('/api/claims?sort=topic')).body);
    expect(byTopic.total).toBe(all.total);
    expect((await app.inject({ method: 'GET', url: '/api/claims?sort=loudest' })).statusCode).toBe(400);
  });

  it('adds merged timeline entries on request, leaving the span entries as they were', async () => {
    await computeTimeline(store);
    const plain = TimelineSchema.parse((await getJson('/api/timeline?from=2020-01&to=2020-01')).body);
    expect(plain.merged).toBeUndefined();
    const both = TimelineSchema.parse((await getJson('/api/timeline?from=2020-01&to=2020-01&merged=true')).body);
    expect(both.entries).toEqual(plain.entries);
    // The strike: both scrapes of 000 and 002, which names only its month.
    expect(both.merged?.some((entry) => entry.date === '2020-01-03' && entry.sources.length === 3)).toBe(true);
    expect(both.merged?.every((entry) => entry.date.startsWith('2020-01'))).toBe(true);
  });

  it('pages the merged timeline, with the total and the count of every period over all pages', async () => {
    await computeTimeline(store);
    const all = TimelineSchema.parse((await getJson('/api/timeline?merged=true&zoom=month')).body);
    const total = all.mergedTotal ?? 0;
    expect(total).toBe(all.merged?.length);
    expect(total).toBeGreaterThan(2);
    expect(all.mergedPeriods?.reduce((sum, period) => sum + period.count, 0)).toBe(total);
    expect(all.mergedPeriods?.every((period) => period.period.length <= 7)).toBe(true);
    const second = TimelineSchema.parse((await getJson('/api/timeline?merged=true&zoom=month&limit=2&offset=1')).body);
    expect(second.merged).toEqual(all.merged?.slice(1, 3));
    expect(second.mergedTotal).toBe(total);
    expect(second.mergedPeriods).toEqual(all.mergedPeriods);
  });

  it('page the stories, largest first by default, with the total before the page', async () => {
    await linkCorpus(store, CORPUS_STEPS);
    const first = StoriesSchema.parse((await getJson('/api/stories?limit=2')).body);
    expect(first).toMatchObject({ available: true, total: 4 });
    expect(first.stories).toHaveLength(2);
    expect(first.stories[0]?.members.length).toBe(2);
    expect(first.stories[0]?.size).toBe(2);
    const rest = StoriesSchema.parse((await getJson('/api/stories?limit=2&offset=2')).body);
    expect(rest.stories.map((story) => story.id)).not.toContain(first.stories[0]?.id);
    const oldest = StoriesSchema.parse((await getJson('/api/stories?sort=oldest&limit=4')).body);
    const firstDates = oldest.stories.flatMap((story) => (story.dates ? [story.dates.first] : []));
    expect(firstDates).toEqual([...firstDates].sort());
    const outlet = first.stories[0]?.outlets[0] as string;
    const byOutlet = StoriesSchema.parse((await getJson(`/api/stories?outlet=${encodeURIComponent(outlet)}`)).body);
    expect(byOutlet.stories.every((story) => story.outlets.includes(outlet))).toBe(true);
    expect((await getJson('/api/stories?sort=random')).status).toBe(400);
    // By date: a year holds every day of it; undated stories drop out.
    const in2023 = StoriesSchema.parse((await getJson('/api/stories?from=2023&to=2023')).body);
    expect(in2023.stories.length).toBeGreaterThan(0);
    expect(in2023.stories.every((story) => story.dates && story.dates.first <= '2023-12-31')).toBe(true);
    expect(StoriesSchema.parse((await getJson('/api/stories?from=2031')).body).total).toBe(0);
    // By entity: any of its names.
    const withKaabi = StoriesSchema.parse((await getJson('/api/stories?entity=Kaabi')).body);
    expect(withKaabi.total).toBeGreaterThan(0);
    expect(withKaabi.total).toBeLessThan(first.total);
  });

  it('give a story page its names and its claims', async () => {
    const [first] = StoriesSchema.parse((await getJson('/api/stories?limit=1')).body).stories;
    const detail = StoryDetailSchema.parse((await getJson(`/api/stories/${first?.id}`)).body);
    expect(detail.entities.length).toBeGreaterThan(0);
    expect(detail.entities[0]?.documents).toBe(2);
    const claims = ClaimsSchema.parse((await getJson(`/api/claims?story=${first?.id}`)).body);
    const members = new Set(detail.members.map((member) => member.id));
    expect(claims.claims.every((claim) => claim.evidence.some((evidence) => members.has(evidence.source.docId)))).toBe(
      true,
    );
    expect((await getJson('/api/claims?story=story-999')).status).toBe(404);
    // A page of one member: the total and the names are the whole story's.
    const second = StoryDetailSchema.parse((await getJson(`/api/stories/${first?.id}?limit=1&offset=1`)).body);
    expect(second).toMatchObject({ total: detail.total, offset: 1, limit: 1, order: 'oldest' });
    expect(second.members.map((member) => member.id)).toEqual([detail.members[1]?.id]);
    expect(second.entities).toEqual(detail.entities);
    const newest = StoryDetailSchema.parse((await getJson(`/api/stories/${first?.id}?order=newest&limit=1`)).body);
    expect(newest.members.map((member) => member.id)).toEqual([detail.members.at(-1)?.id]);
    expect((await getJson(`/api/stories/${first?.id}?limit=0`)).status).toBe(400);
  });

  it('list groups of versions with the diff from each version to the next', async () => {
    const page = DuplicatesSchema.parse((await getJson('/api/duplicates')).body);
    expect(page).toMatchObject({ available: true, total: 1 });
    const [group] = page.groups;
    expect(group?.members).toHaveLength(2);
    expect(group?.versions).toHaveLength(1);
    expect(group?.versions[0]?.older).toBe(group?.members[0]?.id);
    expect(group?.versions[0]?.summary).toMatch(/paragraphs: \d+ added/);
    expect(DuplicatesSchema.parse((await getJson('/api/duplicates?kind=exact')).body).total).toBe(0);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const { body } = await getJson('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/statements', '/api/claims', '/api/stories', '/api/duplicates']),
    );
  });
});

describe('the framing routes', () => {
  it('rate each outlet’s techniques per 1,000 words from the stored loaded layers, with the model precision', async () => {
    const { status, body } = await getJson('/api/framing');
    expect(status).toBe(200);
    const report = FramingReportSchema.parse(body);
    expect(report.documents).toBe(seedFiles().length);
    expect(report.withoutLayer).toBe(0);
    expect(report.model.siPrecision).toBeGreaterThan(0.4);
    const articles = report.outlets.reduce((sum, row) => sum + row.articles, 0);
    expect(articles).toBe(seedFiles().length);
    const flagged = report.outlets.find((row) => row.spans > 0);
    expect(flagged).toBeDefined();
    const total = Object.values(flagged?.counts ?? {}).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(flagged?.spans);
    const [technique, count] = Object.entries(flagged?.counts ?? {})[0] as [string, number];
    expect(flagged?.perThousandWords[technique]).toBeCloseTo((count / (flagged?.words ?? 1)) * 1000, 1);
  });

  it('split the rates by month and filter by outlet', async () => {
    const all = FramingReportSchema.parse((await getJson('/api/framing')).body);
    const outlet = all.outlets.find((row) => row.outlet !== '(unknown)')?.outlet as string;
    const byMonth = FramingReportSchema.parse(
      (await getJson(`/api/framing?byMonth=true&outlet=${encodeURIComponent(outlet)}`)).body,
    );
    expect(byMonth.outlets.length).toBeGreaterThan(0);
    for (const row of byMonth.outlets) {
      expect(row.outlet).toBe(outlet);
      expect(row.period).toMatch(/^\d{4}-\d{2}$|^undated$/);
    }
  });

  it('list the spans behind the rates a page at a time, each in its sentence with the model’s reason', async () => {
    const report = FramingReportSchema.parse((await getJson('/api/framing')).body);
    const spans = report.outlets.reduce((sum, row) => sum + row.spans, 0);
    const all = FramingExamplesSchema.parse((await getJson('/api/framing/examples?limit=3')).body);
    expect(all.total).toBe(spans);
    expect(all.techniques.reduce((sum, row) => sum + row.count, 0)).toBe(spans);
    expect(all.examples).toHaveLength(3);
    for (const example of all.examples) {
      const doc = await store.getDocument(example.doc.id);
      expect(doc?.text.slice(example.start, example.end)).toBe(example.text);
      const at = example.start - example.sentenceStart;
      expect(example.sentence.slice(at, at + example.text.length)).toBe(example.text);
      expect(example.explanation).toMatch(/\w/);
    }
    const technique = all.techniques[0]?.value as string;
    const chosen = FramingExamplesSchema.parse(
      (await getJson(`/api/framing/examples?technique=${technique}&sort=oldest&limit=200`)).body,
    );
    expect(chosen.total).toBe(all.techniques[0]?.count);
    expect(chosen.examples.every((example) => example.label === technique)).toBe(true);
    const dates = chosen.examples.flatMap((example) => example.doc.published ?? []);
    expect(dates).toEqual([...dates].sort());
    const next = FramingExamplesSchema.parse((await getJson('/api/framing/examples?limit=3&offset=3')).body);
    expect(next.examples[0]?.spanId).not.toBe(all.examples[0]?.spanId);
  });

  it('summarise one document’s techniques', async () => {
    const [first] = await store.listDocuments({ limit: 1 });
    const { status, body } = await getJson(`/api/documents/${first?.id}/framing`);
    expect(status).toBe(200);
    const framing = DocumentFramingSchema.parse(body);
    expect(framing.words).toBeGreaterThan(50);
    expect(framing.spans).toBe((await store.getDocument(first?.id as string))?.layers.loaded?.length);
  });
});
