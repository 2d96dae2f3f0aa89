import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSpan } from '../../src/model/index.js';
import { fromAsync, openSqliteStore } from '../../src/store/index.js';
import { addGoldLayers } from './gold-layers.js';
import {
  ARTIFACTS,
  hasChromium,
  launchBrowser,
  lede,
  phoneScreenshot,
  requireBuilt,
  SHARED_DATA,
  startServer,
} from './harness.js';
import { PAYLOAD_ENTITY, PAYLOAD_HTML, PAYLOAD_RECORD, PAYLOAD_TITLE } from './payloads.js';

/**
 * End to end: the built CLI ingests the seed articles, the real server serves them, and headless
 * Debian chromium drives the built UI. Screenshots of every view, at 1280 and 390 px, go to
 * test-artifacts/. Needs `npm run build` (CLI and UI) first.
 */
const SEEDS = join(SHARED_DATA, 'seeds');
const SEEDS_DIR = existsSync(SEEDS) ? SEEDS : '/work/shared/data/seeds';
const TOKEN = 'e2e-token';
const UPLOAD_STORY =
  'Ferry fares rise again\n\nFerry fares on the island routes will rise by five percent in May, the operator said on Monday.\n';

let dir: string;
let server: ChildProcess | undefined;
let context: BrowserContext;
let page: Page;
let base: string;
let dialogs = 0;
/** Uncaught script errors and renderer crashes over the whole run: there must be none. */
const pageErrors: string[] = [];

/**
 * The current view at 1280 px, and the same URL loaded fresh in a 390 px wide page (a phone), which
 * must not scroll sideways. `withToken` gives the phone's tab the write token (each tab has its own).
 */
async function shoot(name: string, { withToken = false } = {}) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1280.png`) });
  const width = await phoneScreenshot(context, page.url(), name, async (phone) => {
    if (withToken) await phone.addInitScript((token) => sessionStorage.setItem('lede-token', token), TOKEN);
  });
  expect(width, `${name} at 390 px scrolls sideways`).toBeLessThanOrEqual(390);
}

describe.skipIf(!hasChromium)('the workbench in a real browser', () => {
  beforeAll(async () => {
    requireBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
    const db = join(dir, 'e2e.sqlite');
    const seeds = readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => join(SEEDS_DIR, name));
    const payloads = join(dir, 'payloads');
    mkdirSync(payloads);
    writeFileSync(join(payloads, 'payload-page.html'), PAYLOAD_HTML);
    writeFileSync(join(payloads, 'payload-letters.jsonl'), PAYLOAD_RECORD);
    await lede(db, 'ingest', ...seeds, payloads);

    const store = openSqliteStore(db);
    try {
      await addGoldLayers(store, SEEDS_DIR);
      // The payload article gets an entity and a quote whose names are payloads too.
      for (const doc of await fromAsync(store.iterateDocuments())) {
        if (!doc.source.uri.includes('payload-letters')) continue;
        const at = doc.text.indexOf('Trust us');
        const quote = doc.text.indexOf('<b onmouseover');
        await store.putLayers(doc.id, {
          entities: [
            makeSpan('entities', at, at + 8, 'ORG', { stage: 'e2e/payload', version: 1 }, { entity: PAYLOAD_ENTITY }),
          ],
          quotes: [
            makeSpan(
              'quotes',
              quote,
              quote + 50,
              'direct',
              { stage: 'e2e/payload', version: 1 },
              {
                speakerName: PAYLOAD_ENTITY,
                speaker: null,
              },
            ),
          ],
        });
      }
    } finally {
      await store.close();
    }

    ({ server, base } = await startServer(db, TOKEN));
    context = await launchBrowser(join(dir, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => pageErrors.push('the page crashed'));
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('searches instantly and shows snippets with highlighted hits and facets', async () => {
    await page.goto(`${base}/#/search`);
    await page.getByRole('searchbox').fill('Kaabi');
    await page.waitForURL(/q=Kaabi/);
    await page.locator('ol.results > li').first().waitFor();
    expect(await page.locator('ol.results > li').count()).toBeGreaterThan(0);
    expect((await page.locator('.snippet mark').first().textContent())?.toLowerCase()).toContain('kaabi');
    await expect
      .poll(() => page.locator('.facet h3').allTextContents())
      .toEqual(['Outlet', 'Section', 'Date', 'Entity', 'Speaker', 'Quotes', 'Language']);
    await shoot('search');
  });

  it('filters the results by an entity, a speaker or quotes when their facet is clicked', async () => {
    const facet = (title: string) => page.locator('.facet').filter({ has: page.getByRole('heading', { name: title }) });
    for (const [title, filter] of [
      ['Entity', 'entity'],
      ['Speaker', 'speaker'],
    ] as const) {
      const first = facet(title).getByRole('button').first();
      const [name, count] = await first.locator('span').allTextContents();
      await first.click();
      await page.waitForURL(new RegExp(`${filter}=`));
      expect(new URLSearchParams(page.url().split('?')[1]).get(filter)).toBe(name);
      await expect.poll(() => page.locator('ol.results > li').count()).toBe(Number(count));
      expect(await facet(title).getByRole('button', { pressed: true }).count()).toBe(1);
      await page.getByRole('button', { name: `Remove filter ${filter}: ${name}` }).click();
      await page.waitForURL((url) => !url.hash.includes(`${filter}=`));
    }
    await facet('Quotes')
      .getByRole('button', { name: /^with quotes/ })
      .click();
    await page.waitForURL(/hasQuotes=true/);
    await expect.poll(() => page.getByRole('button', { name: 'Remove filter with quotes' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove filter with quotes' }).click();
    await page.waitForURL((url) => !url.hash.includes('hasQuotes='));
  });

  it('opens an article and switches highlight layers on and off', async () => {
    await page.locator('ol.results > li h2 a').first().click();
    await page.locator('.article-text').waitFor();
    const toggle = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}`) });
    expect(await page.locator('.hl-entities').count()).toBeGreaterThan(0);
    await toggle('Entities').click();
    await expect.poll(() => page.locator('.article-text .hl-entities').count()).toBe(0);
    await toggle('Entities').click();
    await expect.poll(() => page.locator('.article-text .hl-entities').count()).toBeGreaterThan(0);
    await toggle('Figures').click();
    expect(await toggle('Figures').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.article-text .hl-quotes').count()).toBeGreaterThan(0);
    await shoot('article');
    await toggle('Raw text').click();
    await page.locator('pre.raw').waitFor();
    await expect.poll(async () => (await page.locator('pre.raw').textContent())?.length ?? 0).toBeGreaterThan(500);
    await shoot('article-raw');
    await toggle('Raw text').click();
  });

  it('opens an entity page from an entity in the article', async () => {
    const entity = page.locator('.article-text a.hl-entities').first();
    const name = await entity.getAttribute('title');
    await entity.click();
    await page.locator('article.entity h1').waitFor();
    expect(name).toContain(await page.locator('article.entity h1').textContent());
    expect(await page.locator('.meta').first().textContent()).toMatch(/\d+ mentions in \d+ articles/);
    await page.locator('.graph svg').waitFor();
    await shoot('entity');
  });

  it('follows a quote to its sentence in the article', async () => {
    await page.goto(`${base}/#/quotes`);
    const link = page.locator('.quote-link').first();
    await link.waitFor();
    const quoted = ((await link.textContent()) ?? '').replace(/^“|”$/g, '');
    await shoot('quotes');
    await link.click();
    await page.locator('.article-text .focus').first().waitFor();
    const focused = (await page.locator('.article-text .focus').allTextContents()).join('');
    expect(focused).toContain(quoted.slice(0, 40));
    expect(await page.locator('.article-text .focus').first().isVisible()).toBe(true);
    await shoot('quote-in-article');
  });

  it('shows the entities list, the timeline, the stories and the API docs', async () => {
    await page.goto(`${base}/#/entities`);
    await page.locator('table.table tbody tr').first().waitFor();
    await shoot('entities');
    await page.goto(`${base}/#/timeline`);
    await page.locator('ol.timeline > li').first().waitFor();
    await page.getByRole('button', { name: 'month' }).click();
    await shoot('timeline');
    await page.goto(`${base}/#/stories`);
    // Seeds 000 and 001 are two scrapes of one article: ingest links them into one story.
    await page.locator('ul.stories > li h2').first().waitFor();
    expect(await page.locator('ul.stories > li').first().locator('li').count()).toBe(2);
    await shoot('stories');
    // An article of that story shows its story and what changed from its other version.
    await page.locator('ul.stories > li').first().locator('li a').first().click();
    await page.locator('#story-title').waitFor();
    await page.getByText(/^Versions: headline changed/).click();
    expect(await page.locator('.side ins, .side del').count()).toBeGreaterThan(0);
    await shoot('article-versions');
    // The story page lists its articles oldest first and the diff between the versions.
    await page.goto(`${base}/#/stories`);
    expect(await page.locator('.pager').first().textContent()).toMatch(/^← Previous1–\d+ of \d+ storiesNext →$/);
    await page.locator('ul.stories > li h2 a').first().click();
    await page.locator('#story-page-title').waitFor();
    expect(await page.locator('ol.story-members > li').count()).toBe(2);
    expect(await page.locator('.pager').first().textContent()).toContain('1–2 of 2 articles');
    await page.getByText(/^Versions: headline changed/).click();
    expect(await page.locator('main ins, main del').count()).toBeGreaterThan(0);
    await shoot('story');
    await page.goto(`${base}/#/duplicates`);
    await page.locator('ul.stories > li h2').first().waitFor();
    expect(await page.locator('.pager').first().textContent()).toContain('1–1 of 1 groups');
    await shoot('duplicates');
    await page.goto(`${base}/api/docs`);
    await page.locator('details summary').first().waitFor();
    expect(await page.locator('details').count()).toBeGreaterThan(10);
    await shoot('api-docs');
  });

  it('never runs script from hostile articles, entity names or quotes', async () => {
    const response = await page.goto(`${base}/#/search`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // Two separate defences, checked separately: the UI must never turn content into markup
    // (no injected elements), and the CSP must stop inline script if it ever did (no violations).
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    const checkPage = async (where: string) => {
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        title: document.title,
        scripts: [...document.scripts].map((script) => script.src),
        injected: document.querySelectorAll(
          '[onerror],[onload],[onclick],[onmouseover],img,iframe,object,embed,svg b,main script,form[action^="javascript:" i],a[href^="javascript:" i]',
        ).length,
      }));
      expect(state.pwned, where).toBeUndefined();
      expect(state.title, where).toBe('lede');
      expect(state.title).not.toBe(PAYLOAD_TITLE);
      expect(
        state.scripts.every((src) => src.startsWith(`${base}/assets/`)),
        where,
      ).toBe(true);
      expect(state.injected, where).toBe(0);
      expect(violations, where).toEqual([]);
    };
    const visit = async (url: string) => {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    };
    await page.getByRole('searchbox').fill('harbour');
    await page.waitForURL(/q=harbour/);
    await page.locator('ol.results > li').first().waitFor();
    await checkPage('search');
    await shoot('payload-search');
    const hits = await page
      .locator('ol.results > li h2 a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hits.length).toBe(2);
    for (const hit of hits) {
      const article = hit.split('?')[0];
      await visit(`${article}?layers=entities,quotes,timexes,figures,loaded,events`);
      await page.locator('.article-text').waitFor();
      // The loaded-language list says how far its highlights can be trusted, with the measured precision.
      const note = page.locator('.framing-note');
      await note.waitFor({ state: 'attached' });
      expect(await note.textContent()).toMatch(
        /per 1,000 words.*Machine findings, not verdicts.*\d+% of highlighted text/,
      );
      await page.locator('.article-text').hover();
      await checkPage(`article ${article}`);
      await visit(`${article}?view=raw`);
      await page.locator('pre.raw').waitFor();
      await expect.poll(() => page.locator('pre.raw').textContent()).toMatch(/<script>|onerror/);
      await checkPage(`raw ${article}`);
    }
    await visit(`${hits[1]?.split('?')[0]}?layers=entities,quotes`);
    await shoot('payload-article');
    await visit(`${base}/#/entity/${encodeURIComponent(PAYLOAD_ENTITY)}`);
    expect(await page.locator('article.entity h1').textContent()).toBe(PAYLOAD_ENTITY);
    await checkPage('entity page');
    await visit(`${base}/#/quotes`);
    await page.locator('.quote-link').first().hover();
    await checkPage('quotes');
    expect(dialogs).toBe(0);
  });
  it('curates an entity on its page once the write token is entered, from the keyboard', async () => {
    await page.goto(`${base}/#/entity/${encodeURIComponent('Qais Khazali')}`);
    await page.locator('article.entity h1').waitFor();
    await page.getByText(/enter the server's write token/).waitFor();
    // The token form opens from its button and takes the focus; a wrong token is refused with the API's message.
    await page.getByRole('button', { name: 'Enter write token' }).focus();
    await page.keyboard.press('Enter');
    const tokenBox = page.getByLabel('Write token');
    await expect.poll(() => tokenBox.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('not-the-token');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').textContent()).toContain('valid bearer token');
    await tokenBox.fill(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByText('Writes enabled').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('lede-token'))).toBe(TOKEN);
    expect(page.url()).not.toContain(TOKEN);

    await page.getByLabel('New alias').fill('Sheikh Qais');
    await page.getByLabel('New alias').press('Enter');
    await page.getByRole('status').filter({ hasText: 'added alias "Sheikh Qais"' }).waitFor();
    await page.locator('.alias-list li', { hasText: 'Sheikh Qais' }).waitFor();

    // A decision the server cannot apply shows its JSON error message, and changes nothing.
    await page.getByLabel(/Entity to merge into/).fill('Nobody At All');
    await page.getByLabel(/Entity to merge into/).press('Enter');
    expect(await page.getByRole('alert').textContent()).toMatch(/not recorded: .*Nobody At All/);

    await page.getByLabel('New name').fill('Qais al-Khazali');
    await page.getByLabel('New name').press('Enter');
    await page.waitForURL(/#\/entity\/Qais%20al-Khazali$/);
    await expect.poll(() => page.locator('article.entity h1').textContent()).toBe('Qais al-Khazali');
    await page.getByRole('status').filter({ hasText: 'renamed "Qais Khazali" to "Qais al-Khazali"' }).waitFor();
    // The decisions are stored: a reload shows them, and the tab still has its token.
    await page.reload();
    await expect.poll(() => page.locator('article.entity h1').textContent()).toBe('Qais al-Khazali');
    const aliases = await page.locator('.alias-list li span').allTextContents();
    expect(aliases).toEqual(expect.arrayContaining(['Qais Khazali', 'Sheikh Qais']));
    await page.getByText('Writes enabled').waitFor();
    await shoot('entity-curation', { withToken: true });

    await page.getByRole('button', { name: 'Remove alias Sheikh Qais' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'removed alias "Sheikh Qais"' }).waitFor();
    await expect.poll(() => page.locator('.alias-list li span').allTextContents()).not.toContain('Sheikh Qais');
  });

  it('ingests an uploaded file from the UI and follows the job to the end', async () => {
    await page.getByRole('link', { name: 'Ingest', exact: true }).click();
    await page.waitForURL(/#\/ingest$/);
    await page.getByLabel('Files').setInputFiles({
      name: 'ferry story.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(UPLOAD_STORY),
    });
    // A private address is refused by the server's guarded fetcher: one failure, reported with its reason.
    await page.getByLabel(/URLs, one a line/).fill('http://127.0.0.1:9/private-page');
    await page.getByRole('button', { name: 'Start ingest' }).click();
    await page.waitForURL(/#\/ingest\?job=[\w-]+$/);
    await page.getByRole('heading', { name: 'Ingest finished' }).waitFor({ timeout: 60_000 });
    const bar = page.locator('.job progress');
    expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
    expect(await page.locator('#job-counts').textContent()).toBe(
      '2 of 2 records · 1 stored · 0 already in the store · 1 failed',
    );
    expect(await page.locator('.failures').textContent()).toMatch(/127\.0\.0\.1.*(private|loopback)/i);
    await shoot('ingest-job');
    expect(await page.locator('.stored a').allTextContents()).toEqual(['Ferry fares rise again']);
    await page.locator('.stored a').first().click();
    await expect.poll(() => page.locator('article h1').first().textContent()).toBe('Ferry fares rise again');
  });

  it('exports the corpus as CSV with rows counted as they arrive', async () => {
    await page.goto(`${base}/#/ingest`);
    await page.getByLabel('Format').selectOption('csv');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export with progress' }).click();
    const file = await (await download).path();
    const counts = (await page.locator('.job-counts').last().textContent()) ?? '';
    const [, rows, total] = counts.match(/^Done: (\d+) of (\d+) documents/) ?? [];
    expect(rows).toBe(total);
    expect(Number(rows)).toBe(Number((await (await fetch(`${base}/api/stats`)).json()).documents));
    expect(readFileSync(file, 'utf8').startsWith('id,external_id,uri,headline')).toBe(true);
    await shoot('export');
  });

  it('shows claims across articles with both pieces of evidence, filtered from the keyboard', async () => {
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    await page.waitForURL(/#\/claims$/);
    await page.locator('ol.claims > li').first().waitFor();
    for (const claim of await page.locator('ol.claims > li').all()) {
      expect(await claim.locator('.evidence > li').count()).toBeGreaterThanOrEqual(2);
      expect(await claim.locator('.evidence > li a').count()).toBeGreaterThanOrEqual(2);
    }
    await shoot('claims');
    await page.getByRole('button', { name: 'conflicts' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/relation=conflict/);
    await expect.poll(() => page.locator('.badge').allTextContents()).not.toContain('Agreement');
    expect(await page.locator('.badge').count()).toBeGreaterThan(0);
    // The URL is the view: loaded fresh, it shows the same filter.
    await page.reload();
    await page.locator('ol.claims > li').first().waitFor();
    expect(await page.getByRole('button', { name: 'conflicts' }).getAttribute('aria-pressed')).toBe('true');
    const evidence = page.locator('.evidence > li a').first();
    const quoted = (await page.locator('.evidence blockquote').first().textContent()) ?? '';
    await evidence.click();
    await page.locator('.article-text .focus').first().waitFor();
    expect((await page.locator('.article-text .focus').allTextContents()).join('')).toContain(quoted.slice(0, 30));
    expect(pageErrors).toEqual([]);
  });

  it('compares outlets by loaded language per 1,000 words, with the model precision, by month on request', async () => {
    await page.getByRole('link', { name: 'Framing', exact: true }).click();
    await page.waitForURL(/#\/framing$/);
    await page.locator('table.framing tbody tr').first().waitFor();
    expect(await page.locator('.framing-note').textContent()).toMatch(
      /Machine findings, not verdicts.*\d+% of highlighted/,
    );
    const rows = await page.locator('table.framing tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    for (const rate of await page.locator('table.framing tbody td:nth-child(5)').allTextContents()) {
      expect(rate).toMatch(/^\d+\.\d$/);
    }
    await shoot('framing');
    await page.getByRole('button', { name: 'by month' }).click();
    await page.waitForURL(/by=month/);
    await expect
      .poll(() => page.locator('table.framing tbody td:nth-child(2)').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}$|^undated$/)]));
    expect(pageErrors).toEqual([]);
  });
});
