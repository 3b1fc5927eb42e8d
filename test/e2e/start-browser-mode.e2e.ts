/**
 * `npm start` on a machine without Electron's binary (this one): build/start.mjs says so in one
 * line and runs `council-desk serve`, which opens the app in Chromium (here a headless one, named
 * by CHROMIUM_PATH, that Playwright attaches to over its debugging port) with a profile of its own
 * in the user-data folder. The demo council loads, a reload keeps working, the data is there after
 * a restart, and serve stops with status 0 when the window is closed and on Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from './bundle-fixtures';
import { loadDemoCouncil } from './app-harness';
import { chromiumPath } from './chromium-path';

const root = path.resolve(__dirname, '../..');
const dir = tempFolder();
const config = path.join(dir, 'config');
const profile = path.join(config, 'council-desk', 'browser-profile');
const running: ChildProcess[] = [];

// Stands in for the user's Chromium: the real one, headless, with a debugging port to attach to.
const fakeChromium = path.join(dir, 'chromium');
writeFileSync(fakeChromium, `#!/bin/sh\nexec "${chromiumPath()}" --headless --no-sandbox --disable-gpu --remote-debugging-port=0 "$@"\n`);
chmodSync(fakeChromium, 0o755);

// Each start.mjs leads a process group of its own (serve, the browser): a test that fails half way
// leaves none of them behind.
afterAll(() => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has ended already
    }
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Its exit status, within 20 seconds. */
  exited: Promise<number | null>;
  waitFor(text: RegExp): Promise<RegExpMatchArray>;
}

function start(args: string[]): Started {
  rmSync(path.join(profile, 'DevToolsActivePort'), { force: true }); // the last run's
  const child = spawn(process.execPath, [path.join(root, 'build/start.mjs'), ...args], {
    cwd: root,
    // No attempt at Electron's download from the tests (it fails at once here, having no internet).
    env: { ...process.env, CHROMIUM_PATH: fakeChromium, XDG_CONFIG_HOME: config, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exited: Promise<number | null> | null = null;
  const exitedSoon = () =>
    (exited ??= Promise.race([
      exit,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`start.mjs did not exit; it printed:\n${text}`)), 20_000)),
    ]));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 300; i += 1) {
      const match = pattern.exec(text);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`start.mjs did not print ${pattern}; it printed:\n${text}`);
  };
  return {
    child,
    output: () => text,
    get exited() {
      return exitedSoon();
    },
    waitFor,
  };
}

/** Attaches to the Chromium serve opened, by the debugging port it wrote into its profile. */
async function attach(origin: string): Promise<{ browser: Browser; page: Page }> {
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!existsSync(portFile)) throw new Error('Chromium wrote no DevToolsActivePort into the profile');
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 15_000 });
  const context = browser.contexts()[0]!;
  let page = context.pages().find((p) => p.url().startsWith(origin));
  for (let i = 0; i < 100 && !page; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = context.pages().find((p) => p.url().startsWith(origin));
  }
  if (!page) throw new Error(`no window at ${origin}: ${context.pages().map((p) => p.url()).join(', ')}`);
  return { browser, page };
}

const screen = (id: string) => `[data-screen="${id}"]`;

describe('npm start without Electron\'s binary', () => {
  let port: number;

  it('says so in one line, opens Council Desk in Chromium in browser mode, and the demo council loads', async () => {
    port = await freePort();
    const app = start(['--port', String(port)]);
    const [, url] = await app.waitFor(/running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
    await app.waitFor(/Opened it in /);
    const lines = app.output().split('\n');
    expect(lines[0]).toBe("Electron's binary is not installed here (node_modules/electron has no dist/ and it could not be downloaded), so Council Desk starts in browser mode (council-desk serve) instead.");
    expect(url!.startsWith(`http://127.0.0.1:${port}/`)).toBe(true);

    const { browser, page } = await attach(`http://127.0.0.1:${port}`);
    const problems: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    await page.waitForSelector(screen('welcome'));
    // the token was taken out of the address bar
    expect(page.url()).toBe(`http://127.0.0.1:${port}/`);
    await loadDemoCouncil(page);
    const row = page.locator(screen('bundles')).getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toContain('서명됨: 데모 사무국 (demo secretariat)');

    await page.reload(); // F5: the cookie brings the token back
    await page.locator(screen('bundles')).waitFor();
    await expect(page.locator(screen('bundles')).textContent()).resolves.toContain('데모 사무국');
    expect(page.url()).toBe(`http://127.0.0.1:${port}/`);
    expect(problems).toEqual([]);

    // Closing the window ends the browser, and serve with it.
    const session = await browser.newBrowserCDPSession();
    await session.send('Browser.close').catch(() => undefined);
    await expect(app.exited).resolves.toBe(0);
    expect(app.output()).toContain('Council Desk stopped (the window was closed).');
    expect(app.output()).not.toMatch(/refused|\n\s+at /);
  });

  it('keeps the data in its own profile: after a restart on the same port the council is there; Ctrl+C stops it', async () => {
    const app = start(['--port', String(port)]);
    await app.waitFor(/Opened it in /);
    const { browser, page } = await attach(`http://127.0.0.1:${port}`);
    await page.locator(screen('bundles')).waitFor();
    expect(await page.locator(screen('welcome')).count()).toBe(0);
    const closed = new Promise((resolve) => browser.once('disconnected', resolve));
    app.child.kill('SIGINT');
    await expect(app.exited).resolves.toBe(0);
    expect(app.output()).toContain('Council Desk stopped (Ctrl+C).');
    await closed; // serve ended the Chromium it started
  });

  it('refuses a second Council Desk on a port in use, in plain words and with status 1', async () => {
    const first = start(['--port', String(port), '--no-open']);
    await first.waitFor(/Press Ctrl\+C to stop/);
    const second = start(['--port', String(port), '--no-open']);
    await expect(second.exited).resolves.toBe(1);
    expect(second.output()).toContain(`port ${port} on 127.0.0.1 is already in use: is another Council Desk running?`);
    expect(second.output()).not.toMatch(/\n\s+at /);
    first.child.kill('SIGTERM');
    await expect(first.exited).resolves.toBe(0);
  });
});
