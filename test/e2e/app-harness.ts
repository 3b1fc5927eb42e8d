/**
 * Runs the built renderer in real Chromium through browser mode's own server (the one
 * `council-desk serve` runs: per-run token, Host and Origin checks, the app's CSP), backed by the
 * very handlers and dispatcher that electron/ipc.ts binds. Only the dialogs and the import
 * session's chunk sizes are the test's: ScriptedDialogs stands in for the native dialogs.
 *
 * mode 'electron' (the default) has the page behave as in the desktop app, choosing files with
 * the (scripted) native dialogs; mode 'browser' as `council-desk serve`, with the in-app file
 * picker and reports saved as downloads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { API_GLOBAL, type AppMode } from '../../shared/api';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { appPathsFrom } from '../../electron/services/app-paths';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import type { ConfirmRequest, DialogPort } from '../../electron/services/dialog-port';
import { startBrowserModeServer, type BrowserModeServer } from '../../electron/services/browser-mode/server';
import { BundleImportSessions, type ImportSessionOptions } from '../../electron/services/bundle-import-session';
import type { SecretPort } from '../../electron/services/keystore/secret-port';
import { chromiumPrint } from '../support/chromium-print';
import { memorySecretPort } from '../support/memory-secret-port';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path';

/** Dialog answers a test lines up: each dialog takes the next answer, or is cancelled. */
export class ScriptedDialogs implements DialogPort {
  readonly files: (string | null)[] = [];
  readonly folders: (string | null)[] = [];
  readonly saves: (string | null)[] = [];
  /** Answers to confirmations: true confirms; none left, the confirmation is declined. */
  readonly confirms: boolean[] = [];
  /** Every confirmation asked, with its words, for tests to read. */
  readonly asked: ConfirmRequest[] = [];
  openFile = async () => this.files.shift() ?? null;
  openFolder = async () => this.folders.shift() ?? null;
  saveFile = async () => this.saves.shift() ?? null;
  confirm = async (request: ConfirmRequest) => {
    this.asked.push(request);
    return this.confirms.shift() ?? false;
  };
}

export interface RunningApp {
  dialogs: ScriptedDialogs;
  /** This launch's own user-data folder (the security settings file), removed by close(). */
  userDataDir: string;
  page: Page;
  context: BrowserContext;
  server: BrowserModeServer;
  /** The address the page was opened at (with this run's token). */
  url: string;
  /** Console errors, page errors and requests the server refused so far (a CSP violation shows here). */
  problems: string[];
  /** A fresh page in the same browser profile, as after restarting the app. */
  reopen(): Promise<Page>;
  close(): Promise<void>;
}

const appRoot = path.resolve(__dirname, '../..');

async function preparePage(context: BrowserContext, url: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return page;
}

/**
 * The welcome's way in with the demo council: load it, keep the operator it offers (its
 * secretary) or pick another by the radio's name, and wait for the Bundles screen.
 */
export async function loadDemoCouncil(page: Page, operator?: string): Promise<void> {
  await page.getByRole('button', { name: '데모 협의체 불러오기' }).click();
  const step = page.locator('[data-screen="welcome-operator"]');
  await step.waitFor();
  if (operator) await step.getByRole('radio', { name: operator }).check();
  await step.getByRole('button', { name: '시작하기' }).click();
  await page.locator('[data-screen="bundles"]').waitFor();
}

export interface LaunchOptions {
  locale?: string;
  /**
   * Files dropped on the window are taken to come from this folder: a stand-in for Electron's
   * webUtils.getPathForFile, put into the bridge the page builds (a browser gives no paths).
   */
  dropFolder?: string;
  imports?: ImportSessionOptions;
  /** Another built page to serve in place of the renderer (the benchmark's). */
  pageDir?: string;
  /** What getAppInfo says the app runs as: 'electron' (default, scripted native dialogs) or 'browser'. */
  mode?: AppMode;
  /**
   * The user's home folder: where the in-app file picker starts (browser mode) and under which the
   * default sync folder lies. By default a folder of this launch's own, never the real home.
   */
  home?: string;
  /**
   * Browser zoom, as Chromium (and Electron's zoom factor) does it: the 1280x800 window's CSS
   * viewport divided by the zoom, each CSS pixel painted with zoom device pixels. 2: 200%.
   */
  zoom?: number;
  /** A browser profile on disk of its own (removed by close()) in place of an in-memory one. */
  profileOnDisk?: boolean;
  /**
   * The system's keychain, as Electron's safeStorage gives it: by default one in memory (the
   * device's keys then need no passphrase); null for none (passphrase protection).
   */
  secrets?: SecretPort | null;
  /**
   * Runs once the browser is up, before the app's page is opened (and opens its database): for a
   * test that sets the browser up first, such as the storage quota of the app's origin.
   */
  beforePage?: (context: BrowserContext, origin: string) => Promise<void>;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'council-desk-user-data-'));
  const paths = appPathsFrom(appRoot, userDataDir);
  const dialogs = new ScriptedDialogs();
  const imports = new BundleImportSessions(options.imports);
  // The minutes' PDF as the app prints it: Chromium's page.pdf() (the tests' stand-in for printToPDF), started on first use.
  const print = chromiumPrint();
  const handlers = createApiHandlers({ appVersion: '0.1.0', platform: process.platform, paths, dialogs, imports, mode: options.mode ?? 'electron',
    home: options.home ?? path.join(userDataDir, 'home'),
    secrets: options.secrets === null ? undefined : (options.secrets ?? memorySecretPort()),
    print,
  });
  const problems: string[] = [];
  const server = await startBrowserModeServer({
    port: 0,
    rendererDir: options.pageDir ?? paths.rendererDir,
    call: (method, arg) => dispatchApiCall(handlers, method, arg),
    log: (line) => problems.push(line),
  });
  const zoom = options.zoom ?? 1;
  const viewport = { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) };
  const contextOptions = { viewport, deviceScaleFactor: zoom, locale: options.locale ?? 'ko-KR', acceptDownloads: true };
  // A profile on disk keeps IndexedDB and Blobs in files, as the desktop app does; the default
  // context keeps them in memory (and its Blobs within an in-memory limit).
  const profileDir = options.profileOnDisk ? mkdtempSync(path.join(tmpdir(), 'council-desk-profile-')) : null;
  const browser: Browser | null = profileDir ? null : await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = browser ? await browser.newContext(contextOptions) : await chromium.launchPersistentContext(profileDir!, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, ...contextOptions });
  for (const blank of context.pages()) await blank.close();
  if (options.dropFolder) {
    await context.addInitScript(
      ({ global, dropFolder }) => {
        // The page puts its bridge on window[global]; keep it, with pathForFile answering from dropFolder.
        let bridge: unknown;
        Object.defineProperty(window, global, {
          configurable: true,
          get: () => bridge,
          set: (built: object) => {
            const pathForFile = (file: { name?: string }) => (file?.name ? `${dropFolder}/${file.name}` : '');
            bridge = Object.freeze({ ...built, pathForFile });
          },
        });
      },
      { global: API_GLOBAL, dropFolder: options.dropFolder },
    );
  }
  await options.beforePage?.(context, new URL(server.url).origin);
  const page = await preparePage(context, server.url, problems);
  return {
    dialogs,
    userDataDir,
    page,
    context,
    server,
    url: server.url,
    problems,
    reopen: async () => {
      await Promise.all(context.pages().map((p) => p.close()));
      return preparePage(context, server.url, problems);
    },
    close: async () => {
      await (browser ?? context).close();
      await server.close();
      await print.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
