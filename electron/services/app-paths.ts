import path from 'node:path';

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
}

export function appPathsFrom(appRoot: string, userDataDir: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    demoBundle: path.join(appRoot, 'dist', 'demo', 'demo.cdbundle'),
    demoTrust: path.join(appRoot, 'build', 'demo', 'demo-trust.json'),
    userDataDir,
  };
}
