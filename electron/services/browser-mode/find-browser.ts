/**
 * The Chromium or Chrome browser mode opens: the one $CHROMIUM_PATH names, else the usual names on
 * PATH, else the usual install places on macOS and Windows. Null when there is none.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { REAL_QUOTA_SWITCH } from '../storage-quota';

export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export interface BrowserSearch {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform | string;
  home: string;
  /** Whether a file is there to run. */
  runnable?: (file: string) => boolean;
}

function isRunnable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function installPlaces(platform: string, env: Record<string, string | undefined>, home: string): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    return [...apps.map((a) => path.posix.join('/Applications', a)), ...apps.map((a) => path.posix.join(home, 'Applications', a))];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    return roots.flatMap((root) => [path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return [];
}

/** What the search found, and whether $CHROMIUM_PATH named something that is not there. */
export function findBrowser(search: BrowserSearch): { path: string | null; badChromiumPath: string | null } {
  const runnable = search.runnable ?? isRunnable;
  const named = search.env.CHROMIUM_PATH;
  if (named) {
    if (runnable(named)) return { path: named, badChromiumPath: null };
  }
  const bad = named ? named : null;
  const pathApi = search.platform === 'win32' ? path.win32 : path.posix;
  const dirs = (search.env.PATH ?? search.env.Path ?? '').split(search.platform === 'win32' ? ';' : ':').filter((d) => d !== '');
  const suffix = search.platform === 'win32' ? '.exe' : '';
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const file = pathApi.join(dir, name + suffix);
      if (runnable(file)) return { path: file, badChromiumPath: bad };
    }
  }
  for (const file of installPlaces(search.platform, search.env, search.home)) {
    if (runnable(file)) return { path: file, badChromiumPath: bad };
  }
  return { path: null, badChromiumPath: bad };
}

/**
 * How browser mode starts it: a profile of its own in the user-data folder (so the app's data,
 * kept in IndexedDB, survives restarts and stays apart from the user's browsing), as an app
 * window without tabs or address bar, telling the page the real storage quota (storage-quota.ts).
 */
export function browserArgs(url: string, profileDir: string): string[] {
  return [`--user-data-dir=${profileDir}`, `--app=${url}`, '--no-first-run', '--no-default-browser-check', REAL_QUOTA_SWITCH];
}
