/**
 * council-desk serve's parts: the user-data folder Electron would use, finding Chromium or Chrome,
 * how it is started, the terminal confirmation, and the command itself (in-process, with a stand-in
 * browser and signals), with the minutes printed by the browser found.
 */
import { EventEmitter } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinutesExportRequest } from '../../shared/api';
import { createHttpBridge } from '../../renderer/common/http-bridge';
import { runCli } from '../../electron/cli/run';
import type { ServeDeps } from '../../electron/cli/serve';
import { userDataDir } from '../../electron/services/app-paths';
import { profileInUse } from '../../electron/services/browser-mode/browser-profile';
import { browserArgs, findBrowser } from '../../electron/services/browser-mode/find-browser';
import { terminalDialogs } from '../../electron/services/browser-mode/terminal-dialogs';
import { startBrowserModeServer } from '../../electron/services/browser-mode/server';
import type { HeadlessPrintOptions } from '../../electron/services/browser-mode/headless-print';

describe('the user-data folder', () => {
  it('is where Electron puts app.getPath("userData") for council-desk', () => {
    expect(userDataDir({ platform: 'linux', home: '/home/sec', env: {} })).toBe('/home/sec/.config/council-desk');
    expect(userDataDir({ platform: 'linux', home: '/home/sec', env: { XDG_CONFIG_HOME: '/data/config' } })).toBe('/data/config/council-desk');
    expect(userDataDir({ platform: 'darwin', home: '/Users/sec', env: { XDG_CONFIG_HOME: '/x' } })).toBe('/Users/sec/Library/Application Support/council-desk');
    expect(userDataDir({ platform: 'win32', home: 'C:\\Users\\sec', env: { APPDATA: 'C:\\Users\\sec\\AppData\\Roaming' } })).toBe('C:\\Users\\sec\\AppData\\Roaming\\council-desk');
    expect(userDataDir({ platform: 'win32', home: 'C:\\Users\\sec', env: {} })).toBe('C:\\Users\\sec\\AppData\\Roaming\\council-desk');
  });
});

describe('finding Chromium or Chrome', () => {
  const only = (...files: string[]) => (file: string) => files.includes(file);

  it('takes $CHROMIUM_PATH first, then the usual names on PATH in order', () => {
    const env = { CHROMIUM_PATH: '/opt/chromium/chrome', PATH: '/usr/local/bin:/usr/bin' };
    expect(findBrowser({ env, platform: 'linux', home: '/h', runnable: only('/opt/chromium/chrome', '/usr/bin/chromium') }).path).toBe('/opt/chromium/chrome');
    expect(findBrowser({ env: { PATH: env.PATH }, platform: 'linux', home: '/h', runnable: only('/usr/bin/google-chrome', '/usr/local/bin/chromium-browser') }).path).toBe('/usr/local/bin/chromium-browser');
    expect(findBrowser({ env: { PATH: env.PATH }, platform: 'linux', home: '/h', runnable: only('/usr/bin/google-chrome-stable') }).path).toBe('/usr/bin/google-chrome-stable');
  });

  it('says when $CHROMIUM_PATH names nothing runnable, and looks further', () => {
    const found = findBrowser({ env: { CHROMIUM_PATH: '/nope', PATH: '/usr/bin' }, platform: 'linux', home: '/h', runnable: only('/usr/bin/chromium') });
    expect(found).toEqual({ path: '/usr/bin/chromium', badChromiumPath: '/nope' });
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'linux', home: '/h', runnable: only() })).toEqual({ path: null, badChromiumPath: null });
  });

  it('knows the usual install places on macOS and Windows', () => {
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'darwin', home: '/Users/s', runnable: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') }).path).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ env: { PATH: 'C:\\Windows', PROGRAMFILES: 'C:\\Program Files' }, platform: 'win32', home: 'C:\\Users\\s', runnable: only(chrome) }).path).toBe(chrome);
  });

  it('starts it as an app window with a profile of its own', () => {
    expect(browserArgs('http://127.0.0.1:41015/?token=t', '/home/s/.config/council-desk/browser-profile')).toEqual([
      '--user-data-dir=/home/s/.config/council-desk/browser-profile',
      '--app=http://127.0.0.1:41015/?token=t',
      '--no-first-run',
      '--no-default-browser-check',
      // the page is told the real storage quota, not Chromium's fixed 10 GiB past the usage
      '--disable-features=StaticStorageQuota',
    ]);
  });
});

describe('the browser profile', () => {
  it('is in use while the Chromium named by its SingletonLock lives', () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'cd-profile-'));
    expect(profileInUse(profile)).toBe(false);
    symlinkSync('host-4242', path.join(profile, 'SingletonLock'));
    expect(profileInUse(profile, (pid) => pid === 4242)).toBe(true);
    expect(profileInUse(profile, () => false)).toBe(false);
  });
});

describe('confirming on the terminal', () => {
  const request = { title: 'Allow unsigned bundles', message: 'Bundles without a signature will be imported.', detail: 'Only do this for a test.', confirmLabel: 'Allow' };

  function tty(answer: string) {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let asked = '';
    output.on('data', (c) => {
      asked += c;
      if (asked.includes('"yes"')) input.write(`${answer}\n`);
    });
    return { terminal: { input, output }, asked: () => asked };
  }

  it('asks on a terminal and is true only for yes', async () => {
    const yes = tty('yes');
    await expect(terminalDialogs(yes.terminal).confirm!(request)).resolves.toBe(true);
    expect(yes.asked()).toContain('Allow unsigned bundles\nBundles without a signature will be imported.\nOnly do this for a test.');
    await expect(terminalDialogs(tty('예').terminal).confirm!(request)).resolves.toBe(true);
    await expect(terminalDialogs(tty('no').terminal).confirm!(request)).resolves.toBe(false);
    await expect(terminalDialogs(tty('').terminal).confirm!(request)).resolves.toBe(false);
  });

  it('is false without a terminal, and answers null for the file dialogs the page does not use', async () => {
    const dialogs = terminalDialogs({ input: new PassThrough(), output: new PassThrough() });
    await expect(dialogs.confirm!(request)).resolves.toBe(false);
    await expect(dialogs.openFile('bundle')).resolves.toBeNull();
    await expect(dialogs.openFolder()).resolves.toBeNull();
    await expect(dialogs.saveFile('report.txt')).resolves.toBeNull();
  });
});

describe('council-desk serve', () => {
  const appRoot = mkdtempSync(path.join(tmpdir(), 'cd-serve-app-'));
  mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  writeFileSync(path.join(appRoot, 'package.json'), '{"version":"1.2.3"}');
  const chromium = path.join(appRoot, 'chromium');
  writeFileSync(chromium, '#!/bin/sh\n');
  chmodSync(chromium, 0o755);
  const stops: (() => unknown)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  function serve(argv: string[], deps: ServeDeps) {
    let stdout = '';
    let stderr = '';
    const done = runCli(['serve', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { serve: { appRoot, ...deps } });
    return { done, out: () => stdout, err: () => stderr };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('with --no-open prints the address, and stops on SIGINT with status 0', async () => {
    const signals = new EventEmitter();
    const run = serve(['--no-open', '--port', '41911'], { signals });
    await until(() => run.out().includes('Press Ctrl+C'));
    expect(run.out()).toMatch(/^Council Desk is running in browser mode at http:\/\/127\.0\.0\.1:41911\/\?token=[\w-]{43}\n/);
    signals.emit('SIGINT', 'SIGINT');
    await expect(run.done).resolves.toBe(0);
    expect(run.out()).toContain('Council Desk stopped (Ctrl+C).');
  });

  /** A stand-in for the browser's process: ends with `exit(code)`, or on kill. */
  function fakeBrowser() {
    const launched: { executable: string; args: string[]; killed: string[] } = { executable: '', args: [], killed: [] };
    const browser = Object.assign(new EventEmitter(), {
      exitCode: null as number | null,
      signalCode: null,
      exit(code: number) {
        browser.exitCode = code;
        browser.emit('exit', code, null);
      },
      kill(signal: string) {
        launched.killed.push(signal);
        browser.exit(0);
        return true;
      },
    });
    const launchBrowser = (executable: string, args: string[]) => {
      Object.assign(launched, { executable, args });
      return browser as never;
    };
    return { browser, launched, launchBrowser };
  }

  it('stops when the window is closed (the browser ends with status 0), however soon', async () => {
    const { browser, launchBrowser, launched } = fakeBrowser();
    const run = serve(['--port', '41915'], { signals: new EventEmitter(), userDataDir: path.join(appRoot, 'ud-close'), env: { CHROMIUM_PATH: chromium }, launchBrowser });
    await until(() => run.out().includes('Opened it in'));
    browser.exit(0);
    await expect(run.done).resolves.toBe(0);
    expect(run.out()).toContain('Council Desk stopped (the window was closed).');
    expect(launched.killed).toEqual([]);
  });

  it('keeps serving when the browser fails, or hands the window to the Chromium already on its profile', async () => {
    const signals = new EventEmitter();
    const failing = fakeBrowser();
    const run = serve(['--port', '41916'], { signals, userDataDir: path.join(appRoot, 'ud-fail'), env: { CHROMIUM_PATH: chromium }, launchBrowser: failing.launchBrowser });
    await until(() => run.out().includes('Opened it in'));
    failing.browser.exit(1);
    expect(run.out()).toMatch(/The browser ended with status 1\. Open http:\/\/127\.0\.0\.1:41916\/\?token=\S+ in Chromium or Chrome/);
    signals.emit('SIGINT', 'SIGINT');
    await expect(run.done).resolves.toBe(0);

    const userData = path.join(appRoot, 'ud-shared');
    mkdirSync(path.join(userData, 'browser-profile'), { recursive: true });
    symlinkSync(`host-${process.pid}`, path.join(userData, 'browser-profile', 'SingletonLock'));
    const handing = fakeBrowser();
    const shared = serve(['--port', '41917'], { signals, userDataDir: userData, env: { CHROMIUM_PATH: chromium }, launchBrowser: handing.launchBrowser });
    await until(() => shared.out().includes('Opened it in'));
    handing.browser.exit(0);
    expect(shared.out()).toContain('already running on this profile; press Ctrl+C to stop.');
    signals.emit('SIGINT', 'SIGINT');
    await expect(shared.done).resolves.toBe(0);
  });

  it('opens the browser found with the profile in the user-data folder, and ends it on SIGTERM', async () => {
    const signals = new EventEmitter();
    const { launched, launchBrowser } = fakeBrowser();
    const userData = path.join(appRoot, 'user-data');
    const run = serve(['--port', '41912'], {
      signals,
      userDataDir: userData,
      env: { CHROMIUM_PATH: chromium, PATH: '' },
      launchBrowser,
    });
    await until(() => run.out().includes('Opened it in'));
    const url = /at (http:\S+)/.exec(run.out())![1]!;
    expect(launched.executable).toBe(chromium);
    expect(launched.args).toEqual(browserArgs(url, path.join(userData, 'browser-profile')));
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(run.done).resolves.toBe(0);
    expect(launched.killed).toEqual(['SIGTERM']);
  });

  it('prints the address to open when no browser is found', async () => {
    const signals = new EventEmitter();
    const run = serve(['--port', '41913'], { signals, env: { PATH: '' } });
    await until(() => run.out().includes('No Chromium or Chrome was found'));
    expect(run.out()).toMatch(/No Chromium or Chrome was found \(set CHROMIUM_PATH to one\)\. Open http:\/\/127\.0\.0\.1:41913\/\?token=\S+ in Chromium or Chrome/);
    signals.emit('SIGINT', 'SIGINT');
    await expect(run.done).resolves.toBe(0);
  });

  /** The page's exportMinutes of a meeting with no decision files, over the run's HTTP bridge (the start address swapped for the run's token first, as the page does). */
  async function exportMinutesOver(out: string) {
    const start = new URL(/at (http:\S+)/.exec(out)![1]!);
    const page = new URL((await fetch(start, { redirect: 'manual' })).headers.get('location')!, start);
    const bridge = createHttpBridge(page.searchParams.get('token')!, { fetch: (input, init) => fetch(new URL(String(input), start), init) });
    const request: MinutesExportRequest = {
      meetingId: '2023-03-02',
      meeting: { startedAt: null, closedAt: null },
      agenda: [],
      cases: {},
      signers: { chairName: '김위원장', secretaryName: '윤하늘' },
      secretary: { memberId: 's1', name: '윤하늘' },
    };
    return bridge.exportMinutes(request);
  }

  it('prints the minutes with the browser found, with --no-open too, and ends that printer when it stops', async () => {
    const signals = new EventEmitter();
    const made: HeadlessPrintOptions[] = [];
    let closed = 0;
    const makePrint = (options: HeadlessPrintOptions) => {
      made.push(options);
      return { printPdf: async () => new Uint8Array(), close: async () => void (closed += 1) };
    };
    const run = serve(['--no-open', '--port', '41918'], { signals, userDataDir: path.join(appRoot, 'ud-print'), env: { CHROMIUM_PATH: chromium, PATH: '' }, makePrint });
    await until(() => run.out().includes('Press Ctrl+C'));
    expect(made).toEqual([{ executablePath: chromium }]);
    // past the print port's check: the meeting's decision files are what is missing now
    expect(await exportMinutesOver(run.out())).toMatchObject({ ok: false, error: { code: 'MINUTES_NOT_READY' } });
    expect(closed).toBe(0);
    signals.emit('SIGINT', 'SIGINT');
    await expect(run.done).resolves.toBe(0);
    expect(closed).toBe(1);
  });

  it('makes no minutes when no browser is found to print with, saying so', async () => {
    const signals = new EventEmitter();
    const run = serve(['--no-open', '--port', '41919'], { signals, userDataDir: path.join(appRoot, 'ud-noprint'), env: { PATH: '' } });
    await until(() => run.out().includes('Press Ctrl+C'));
    expect(run.out()).toContain('No Chromium or Chrome was found to print the minutes with (set CHROMIUM_PATH to one). Press Ctrl+C to stop.');
    const answer = await exportMinutesOver(run.out());
    expect(answer).toMatchObject({ ok: false, error: { code: 'MINUTES_PDF_UNAVAILABLE', message: expect.stringContaining('no Chromium or Chrome was found to print with; nothing was made. Set CHROMIUM_PATH') } });
    signals.emit('SIGINT', 'SIGINT');
    await expect(run.done).resolves.toBe(0);
  });

  it('exits 1 in plain words when the port is taken, or the app is not built; 2 for a bad port', async () => {
    const other = await startBrowserModeServer({ port: 41914, rendererDir: appRoot, call: async () => null, log: () => undefined });
    stops.push(other.close);
    const taken = serve(['--no-open', '--port', '41914'], {});
    await expect(taken.done).resolves.toBe(1);
    expect(taken.err()).toBe('council-desk serve: port 41914 on 127.0.0.1 is already in use: is another Council Desk running? Close it, or start this one with --port N (each port keeps its own data).\n');

    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t) };
    await expect(runCli(['serve', '--no-open'], io, { serve: { appRoot: path.join(appRoot, 'nowhere') } })).resolves.toBe(1);
    expect(stderr).toMatch(/the app is not built .* run "npm run build" first/);
    await expect(runCli(['serve', '--port', '0'], io)).resolves.toBe(2);
    await expect(runCli(['serve', '--port', '70000'], io)).resolves.toBe(2);
  });
});
