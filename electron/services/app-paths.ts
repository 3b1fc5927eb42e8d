import path from 'node:path';

/** Where the app's own files are, relative to its root (the folder holding package.json). */
export interface AppPaths {
  rendererDir: string;
  demoBundle: string;
  demoTrust: string;
}

export function appPathsFrom(appRoot: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    demoBundle: path.join(appRoot, 'dist', 'demo', 'demo.cdbundle'),
    demoTrust: path.join(appRoot, 'build', 'demo', 'demo-trust.json'),
  };
}
