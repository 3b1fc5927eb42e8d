import { homedir } from 'node:os';
import path from 'node:path';
import { bundledFontDir } from './minutes/minutes-fonts';

/**
 * Where the app's files are: its own (relative to its root, the folder holding package.json) and
 * the user's (the user-data folder: Electron's app.getPath('userData'), a test's temporary folder).
 */
export interface AppPaths {
  rendererDir: string;
  demoBundle: string;
  demoTrust: string;
  /** The user-data folder: the security settings file lives here. */
  userDataDir: string;
  /** The bundled Korean font of the minutes' PDF (minutes-fonts.ts). */
  fontDir: string;
}

export function appPathsFrom(appRoot: string, userDataDir: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    demoBundle: path.join(appRoot, 'dist', 'demo', 'demo.cdbundle'),
    demoTrust: path.join(appRoot, 'build', 'demo', 'demo-trust.json'),
    userDataDir,
    fontDir: bundledFontDir(appRoot),
  };
}

/** The app's name as Electron knows it (package.json "name"), which names its user-data folder. */
export const APP_NAME = 'council-desk';

export interface UserDataEnv {
  platform: NodeJS.Platform | string;
  home: string;
  env: Record<string, string | undefined>;
}

/**
 * The user-data folder, where Electron's app.getPath('userData') puts it for this app: so browser
 * mode keeps its files in the same place the desktop app does.
 * Linux $XDG_CONFIG_HOME/council-desk (default ~/.config), macOS ~/Library/Application Support,
 * Windows %APPDATA% (default ~\AppData\Roaming).
 */
export function userDataDir({ platform, home, env }: UserDataEnv): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  const config = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(home, '.config');
  return path.posix.join(config, APP_NAME);
}

/** The user-data folder of this process's user. */
export function currentUserDataDir(): string {
  return userDataDir({ platform: process.platform, home: homedir(), env: process.env });
}
