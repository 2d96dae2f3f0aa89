import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
  startServer,
  watchProblems,
} from './harness.js';

/**
 * The bundled demo corpus (`lede demo`, `npm start`) in a real browser: every view a new user opens
 * first has something real in it, and nothing logs an error or answers with an error status.
 */
let dir: string;
let server: ChildProcess | undefined;
let context: BrowserContext;
let page: Page;
let base: string;
const problems: string[] = [];

async function open(name: string, hash: string, ready: string): Promise<void> {
  await page.goto(`${base}/#${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `demo-${name}-1280.png`) });
  const width = await phoneScreenshot(context, page.url(), `demo-${name}`);
  expect(width, `${name} at 390 px scrolls sideways`).toBeLessThanOrEqual(390);
}

describe.skipIf(!hasChromium)('the demo corpus in a real browser', () => {
  beforeAll(async () => {
    requireBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'lede-e2e-demo-'));
    const db = join(dir, 'demo.sqlite');
    await lede(db, 'demo', '--no-serve');
    ({ server, base } = await startServer(db, 'demo-token'));
    context = await launchBrowser(join(dir, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    watchProblems(page, problems);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fills every view: stories with versions, claims, framing, the timeline, quotes and entities', async () => {
    await open('stories', '/stories', 'ul.stories > li h2');
    expect(await page.locator('ul.stories > li').count()).toBeGreaterThan(3);
    await open('duplicates', '/duplicates', 'ul.stories > li h2');
    await open('claims', '/claims?relation=conflict', 'ol.claims > li');
    await open('agreements', '/claims?relation=agreement', 'ol.claims > li');
    await open('framing', '/framing', 'table');
    await open('timeline', '/timeline', 'ol.timeline > li');
    await open('quotes', '/quotes', '.quote-link');
    await open('entities', '/entities', 'table.table tbody tr');
    expect(problems).toEqual([]);
  });
});
