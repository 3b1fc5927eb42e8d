/**
 * Runs the built renderer in real Chromium, the way Electron runs it, minus Electron's IPC:
 * the page is served on loopback with the app's CSP, and `window.councilDesk` is backed by the
 * very handlers and dispatcher that electron/ipc.ts binds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { API_GLOBAL, API_METHODS } from '../../shared/api';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { appPathsFrom } from '../../electron/services/app-paths';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { readStaticFile } from '../../electron/services/static-files';
import type { ConfirmRequest, DialogPort } from '../../electron/services/dialog-port';
import { HTTP_BRIDGE_PATH, pageInvokeOverHttp, serveBridgeCall } from './http-bridge';
import { BundleImportSessions, type ImportSessionOptions } from '../../electron/services/bundle-import-session';
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
  url: string;
  /** Console errors and page errors seen so far (a CSP violation shows here). */
  problems: string[];
  /** A fresh page in the same browser profile, as after restarting the app. */
  reopen(): Promise<Page>;
  close(): Promise<void>;
}

const appRoot = path.resolve(__dirname, '../..');

function serveRenderer(rendererDir: string, call: (method: unknown, arg: unknown) => Promise<unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === HTTP_BRIDGE_PATH) {
      void serveBridgeCall(req, res, call);
      return;
    }
    void readStaticFile(rendererDir, req.url ?? '/').then((file) => {
      res.writeHead(file.status, file.headers);
      res.end(file.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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
  /** Files dropped on the window are taken to come from this folder (their pathForFile). */
  dropFolder?: string;
  imports?: ImportSessionOptions;
  /** Another built page to serve in place of the renderer (the benchmark's). */
  pageDir?: string;
  /** 'expose' (default): Playwright's exposeFunction; 'http': the loopback bridge (benchmark). */
  transport?: 'expose' | 'http';
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'council-desk-user-data-'));
  const paths = appPathsFrom(appRoot, userDataDir);
  const dialogs = new ScriptedDialogs();
  const imports = new BundleImportSessions(options.imports);
  const handlers = createApiHandlers({ appVersion: '0.1.0', platform: process.platform, paths, dialogs, imports });
  const call = (method: unknown, arg: unknown) => dispatchApiCall(handlers, method, arg);
  const server = await serveRenderer(options.pageDir ?? paths.rendererDir, call);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'ko-KR' });
  if (options.transport === 'http') {
    await context.addInitScript(`window.__councilDeskInvoke = (${pageInvokeOverHttp.toString()})(${JSON.stringify(HTTP_BRIDGE_PATH)});`);
  } else {
    await context.exposeFunction('__councilDeskInvoke', call);
  }
  await context.addInitScript(
    ({ methods, global, dropFolder }) => {
      const invoke = (window as any).__councilDeskInvoke as (m: string, a: unknown) => Promise<unknown>;
      const bridge = Object.fromEntries(methods.map((m) => [m, (arg: unknown) => invoke(m, arg)]));
      const pathForFile = (file: { name?: string }) => (dropFolder && file.name ? `${dropFolder}/${file.name}` : '');
      Object.defineProperty(window, global, { value: Object.freeze({ ...bridge, pathForFile }) });
    },
    { methods: API_METHODS as string[], global: API_GLOBAL, dropFolder: options.dropFolder ?? '' },
  );
  const problems: string[] = [];
  const page = await preparePage(context, url, problems);
  return {
    dialogs,
    userDataDir,
    page,
    context,
    url,
    problems,
    reopen: async () => {
      await Promise.all(context.pages().map((p) => p.close()));
      return preparePage(context, url, problems);
    },
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
