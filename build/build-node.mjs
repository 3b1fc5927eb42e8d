// Bundles the Node side (Electron main, preload, command-line tool) with esbuild.
// Runs on `npm install` (prepare), so `npx council-desk` works straight after install.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['electron'] };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/cli.ts'], outfile: 'dist/cli/council-desk.cjs', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli/council-desk.cjs', 0o755);
