import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  hasChromium,
  launchBrowser,
  lede,
  phoneScreenshot,
  requireBuilt,
  SHARED_DATA,
  startServer,
  watchProblems,
} from './harness.js';

/**
 * Every view on a real corpus of 2,225 articles (the shared BBC corpus, ingested by the built CLI):
 * each list shows one page with a pager, stays under 2,000 DOM nodes, and no page logs an error or
 * gets a 4xx/5xx answer. How long the server took for each view's requests is written to
 * test-artifacts/corpus-scale.json (a figure to read, not a pass mark).
 */
const BBC = join(SHARED_DATA, 'news/bbc/bbc.jsonl.gz');
const MAX_NODES = 2000;
const hasCorpus = existsSync(BBC);
if (!hasCorpus) console.warn(`skipping the corpus-scale browser test: ${BBC} is missing`);

let dir: string;
let server: ChildProcess | undefined;
let context: BrowserContext;
let page: Page;
let base: string;
const problems: string[] = [];
const serverTimes: Record<string, number> = {};

/** Opens a view, waits for `ready`, and checks its size; returns the number of DOM nodes. */
async function visit(name: string, hash: string, ready: string): Promise<number> {
  const apiTimes: number[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (!response.url().includes('/api/')) return;
    const timing = response.request().timing();
    apiTimes.push(timing.responseStart - timing.requestStart);
  };
  page.on('response', onResponse);
  await page.goto(`${base}/#${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  serverTimes[name] = Math.round(Math.max(0, ...apiTimes));
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.screenshot({ path: join(ARTIFACTS, `bbc-${name}-1280.png`) });
  expect(nodes, `${name} renders ${nodes} DOM nodes`).toBeLessThan(MAX_NODES);
  const width = await phoneScreenshot(context, page.url(), `bbc-${name}`);
  expect(width, `${name} at 390 px scrolls sideways`).toBeLessThanOrEqual(390);
  return nodes;
}

describe.skipIf(!hasChromium || !hasCorpus)('the workbench on a corpus of 2,225 real articles', () => {
  beforeAll(async () => {
    requireBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'lede-e2e-bbc-'));
    const db = join(dir, 'bbc.sqlite');
    await lede(db, 'ingest', BBC);
    ({ server, base } = await startServer(db, 'scale-token'));
    context = await launchBrowser(join(dir, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    watchProblems(page, problems);
  }, 300_000);

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, 'corpus-scale.json'), `${JSON.stringify({ serverMs: serverTimes }, null, 2)}\n`);
    await context?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pages search results, stories and versions, with a total', async () => {
    await visit('search', '/search?q=government', 'ol.results > li');
    expect(await page.locator('.pager').first().textContent()).toMatch(/1–30 of [\d,]+ articles/);
    await page.locator('.pager a[rel="next"]').first().click();
    await expect.poll(() => page.locator('.pager').first().textContent()).toMatch(/31–60 of/);

    await visit('stories', '/stories', 'ul.stories > li h2');
    expect(await page.locator('.pager').first().textContent()).toMatch(/1–25 of [\d,]+ stories/);
    await page.locator('ul.stories > li h2 a').first().click();
    await visit('story', page.url().split('#')[1] as string, '#story-page-title');
    // The largest story, a page of its articles at a time, newest first when asked.
    const members = await page.locator('ol.story-members > li').count();
    expect(members).toBeGreaterThan(1);
    expect(members).toBeLessThanOrEqual(20);
    expect(await page.locator('.pager').first().textContent()).toMatch(new RegExp(`1–${members} of [\\d,]+ articles`));
    const oldestFirst = await page.locator('ol.story-members > li a').first().getAttribute('href');
    await page.getByLabel('Order').selectOption('newest');
    await expect.poll(() => page.url()).toContain('order=newest');
    await expect.poll(() => page.locator('ol.story-members > li a').first().getAttribute('href')).not.toBe(oldestFirst);

    await visit('duplicates', '/duplicates', 'ul.stories > li h2');
    expect(await page.locator('.pager').first().textContent()).toMatch(/1–20 of [\d,]+ groups/);
  });

  it('keeps quotes, entities, the timeline, claims and framing to one page each', async () => {
    await visit('home', '/search', 'ol.hits > li');
    await visit('quotes', '/quotes', '.quote-link');
    expect(await page.locator('.pager').first().textContent()).toMatch(/1–50 of [\d,]+ quotes/);
    const newestFirst = await page.locator('.quote-link').first().getAttribute('href');
    await page.getByLabel('Order').selectOption('oldest');
    await expect.poll(() => page.url()).toContain('sort=oldest');
    await expect.poll(() => page.locator('.quote-link').first().getAttribute('href')).not.toBe(newestFirst);
    await visit('entities', '/entities', 'table.table tbody tr');
    await page.locator('table.table tbody tr a').first().click();
    await visit('entity', page.url().split('#')[1] as string, 'article.entity h1');
    await visit('timeline', '/timeline', 'ol.timeline > li');
    await visit('claims', '/claims', 'main h1');
    await visit('framing', '/framing', '.framing-example-list > li');
    expect(await page.locator('.framing-examples .pager').first().textContent()).toMatch(/1–20 of [\d,]+ passages/);
    await page.getByLabel('Technique').selectOption('Doubt');
    await expect.poll(() => page.url()).toContain('technique=Doubt');
    await expect
      .poll(() => page.locator('.framing-example-list .technique').allTextContents())
      .toEqual(Array(20).fill('Doubt'));
    await page.locator('.framing-examples .pager a[rel="next"]').first().click();
    await expect.poll(() => page.locator('.framing-examples .pager').first().textContent()).toMatch(/21–40 of/);
  });

  it('logs no error and answers no request with an error status', () => {
    expect(problems).toEqual([]);
  });
});
