import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** What the browser suites share: the built CLI, a served store, and headless Debian chromium. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SHARED_DATA = resolve(process.env.LEDE_DATA ?? join(ROOT, '../shared/data'));
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping browser tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const run = promisify(execFile);

export function requireBuilt(): void {
  for (const built of ['dist/cli/main.js', 'web/dist/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
}

export async function lede(db: string, ...args: string[]) {
  return run(process.execPath, [join(ROOT, 'bin/lede.js'), '--db', db, ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `lede serve` on a free port, resolved once it says it is serving. */
export async function startServer(db: string, token: string): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [join(ROOT, 'bin/lede.js'), '--db', db, 'serve', '--port', String(port), '--token', token],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the server did not start within 15 s')), 15_000);
    server.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('serving')) {
        clearTimeout(timer);
        ready();
      }
    });
    server.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  });
  return { server, base: `http://127.0.0.1:${port}` };
}

export function launchBrowser(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
}

/**
 * Records on `problems` every uncaught script error, console error and 4xx/5xx answer the page meets,
 * so a suite can require none over its whole run.
 */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
}

/**
 * Loads `url` fresh in a 390 px wide page (a phone) of `context`, saves `<name>-390.png` among the
 * artifacts and returns how wide the page scrolls (a view that reflows stays at 390). `prepare` runs
 * before the page loads (to give its tab the write token, say).
 */
export async function phoneScreenshot(
  context: BrowserContext,
  url: string,
  name: string,
  prepare?: (phone: Page) => Promise<void>,
): Promise<number> {
  const phone = await context.newPage();
  try {
    await prepare?.(phone);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    await phone.waitForLoadState('networkidle');
    await phone.screenshot({ path: join(ARTIFACTS, `${name}-390.png`) });
    return await phone.evaluate(() => document.documentElement.scrollWidth);
  } finally {
    await phone.close();
  }
}
