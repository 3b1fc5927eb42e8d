/**
 * council-desk serve [--port N] [--no-open]: browser mode, for a machine where Electron cannot be
 * installed. The built renderer and the very handlers ipc.ts binds are served on 127.0.0.1 behind
 * a per-run token (services/browser-mode/), and opened in Chromium or Chrome with a profile of its
 * own in the user-data folder, where the app's data (IndexedDB) survives restarts. IndexedDB is
 * kept per origin, so the port is the same every run unless --port says otherwise.
 * The minutes' PDF is printed by the same browser, headless and started on the first print, with a
 * throwaway profile of its own (headless-print.ts); with no browser found there is no printing.
 * Stops on Ctrl+C (SIGINT, SIGTERM) and when the browser window it opened is closed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createApiHandlers } from '../services/api-handlers';
import { dispatchApiCall } from '../services/api-dispatch';
import { appPathsFrom, currentUserDataDir } from '../services/app-paths';
import { profileInUse } from '../services/browser-mode/browser-profile';
import { browserArgs, findBrowser } from '../services/browser-mode/find-browser';
import { headlessPrint, type HeadlessPrintOptions } from '../services/browser-mode/headless-print';
import { startBrowserModeServer, type BrowserModeServer } from '../services/browser-mode/server';
import { terminalDialogs, type Terminal } from '../services/browser-mode/terminal-dialogs';
import type { PrintPort } from '../services/minutes/print-port';
import { integerFlag, parseCommandArgs, type CliIo } from './args';

/** The port of every run, so the page's origin (and with it its IndexedDB) stays the same. */
export const DEFAULT_PORT = 41015;
/** On Windows, where the profile's lock is not looked at, a browser that ends this soon with status 0 handed the address on. */
const QUICK_EXIT_MS = 3000;
const BROWSER_STOP_MS = 5000;

/** What a test may put in place of the real thing. */
export interface ServeDeps {
  /** The folder holding package.json, dist/ and build/. */
  appRoot?: string;
  userDataDir?: string;
  env?: Record<string, string | undefined>;
  /** Where SIGINT and SIGTERM come from (process). */
  signals?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** Where a confirmation is asked (process.stdin / process.stderr). */
  terminal?: Terminal;
  launchBrowser?: (executable: string, args: string[]) => ChildProcess;
  /** The minutes' printer on the browser found (headlessPrint). */
  makePrint?: (options: HeadlessPrintOptions) => PrintPort & { close(): Promise<void> };
}

function appVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function defaultLaunch(executable: string, args: string[]): ChildProcess {
  // Its own process group off Windows: Ctrl+C reaches serve, which then ends the browser itself.
  return spawn(executable, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
}

async function listen(port: number, call: (m: unknown, a: unknown) => Promise<unknown>, rendererDir: string, io: CliIo): Promise<BrowserModeServer | string> {
  try {
    return await startBrowserModeServer({ port, call, rendererDir, log: (line) => io.stderr(`${line}\n`) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      return `port ${port} on 127.0.0.1 is already in use: is another Council Desk running? Close it, or start this one with --port N (each port keeps its own data).`;
    }
    if (code === 'EACCES') return `port ${port} may not be used by this user: choose another with --port N.`;
    throw e;
  }
}

export async function runServe(argv: readonly string[], io: CliIo, deps: ServeDeps = {}): Promise<number> {
  const args = parseCommandArgs(argv, { port: { type: 'string' }, 'no-open': { type: 'boolean' } });
  const port = integerFlag(args, 'port', 1, 65535, DEFAULT_PORT);
  const open = args.values['no-open'] !== true;
  const env = deps.env ?? process.env;
  const appRoot = deps.appRoot ?? path.resolve(__dirname, '..', '..');
  const userData = deps.userDataDir ?? currentUserDataDir();
  const paths = appPathsFrom(appRoot, userData);
  if (!existsSync(path.join(paths.rendererDir, 'index.html'))) {
    io.stderr(`council-desk serve: the app is not built (${path.join(paths.rendererDir, 'index.html')} is missing): run "npm run build" first.\n`);
    return 1;
  }

  const found = findBrowser({ env, platform: process.platform, home: homedir() });
  if (found.badChromiumPath) io.stderr(`council-desk serve: CHROMIUM_PATH names ${found.badChromiumPath}, which is not a program that can be run.\n`);
  const print = found.path === null ? undefined : (deps.makePrint ?? headlessPrint)({ executablePath: found.path });
  const dialogs = terminalDialogs(deps.terminal ?? { input: process.stdin, output: process.stderr });
  const handlers = createApiHandlers({ appVersion: appVersion(appRoot), platform: process.platform, paths, dialogs, mode: 'browser', print });
  const server = await listen(port, (method, arg) => dispatchApiCall(handlers, method, arg), paths.rendererDir, io);
  if (typeof server === 'string') {
    io.stderr(`council-desk serve: ${server}\n`);
    return 1;
  }
  io.stdout(`Council Desk is running in browser mode at ${server.url}\n`);

  const signals = deps.signals ?? process;
  return new Promise<number>((resolve) => {
    let browser: ChildProcess | null = null;
    let stopping = false;
    const stop = async (why: string) => {
      if (stopping) return;
      stopping = true;
      signals.off('SIGINT', onSignal);
      signals.off('SIGTERM', onSignal);
      io.stdout(`Council Desk stopped (${why}).\n`);
      if (browser && browser.exitCode === null && browser.signalCode === null) {
        const ended = new Promise((done) => browser!.once('exit', done));
        browser.kill('SIGTERM');
        await Promise.race([ended, new Promise((done) => setTimeout(done, BROWSER_STOP_MS).unref())]);
      }
      await server.close();
      await print?.close();
      resolve(0);
    };
    const onSignal = (signal: string) => void stop(signal === 'SIGTERM' ? 'SIGTERM' : 'Ctrl+C');
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);

    const openYourself = `Open ${server.url} in Chromium or Chrome (its data then stays in that browser's profile). Press Ctrl+C to stop.\n`;
    if (!open) {
      if (found.path === null) io.stdout('No Chromium or Chrome was found to print the minutes with (set CHROMIUM_PATH to one). ');
      io.stdout('Press Ctrl+C to stop.\n');
      return;
    }
    if (found.path === null) {
      io.stdout(`No Chromium or Chrome was found (set CHROMIUM_PATH to one). ${openYourself}`);
      return;
    }
    const executable = found.path;
    const profile = path.join(userData, 'browser-profile');
    mkdirSync(profile, { recursive: true });
    const sharedProfile = profileInUse(profile);
    const started = Date.now();
    const child = (deps.launchBrowser ?? defaultLaunch)(executable, browserArgs(server.url, profile));
    browser = child;
    io.stdout(`Opened it in ${executable} (profile ${profile}). Close the window or press Ctrl+C to stop.\n`);
    child.once('error', (e) => {
      browser = null;
      io.stderr(`council-desk serve: ${executable} could not be started: ${e.message}\n`);
      io.stdout(openYourself);
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      browser = null;
      // A Chromium already running on the profile got the window: this one's end says nothing.
      const handedOn = sharedProfile || (process.platform === 'win32' && code === 0 && Date.now() - started < QUICK_EXIT_MS);
      if (handedOn) return io.stdout(`The window opened in the ${path.basename(executable)} already running on this profile; press Ctrl+C to stop.\n`);
      if (code !== 0) return io.stdout(`The browser ended with status ${code ?? signal}. ${openYourself}`);
      void stop('the window was closed');
    });
  });
}
