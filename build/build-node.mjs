// Bundles the Node side (Electron main, preload, command-line tool) with esbuild.
// Runs on `npm install` (prepare), so `npx council-desk` works straight after install.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

// playwright-core (browser mode's headless print) is not bundled: it is loaded from node_modules at
// the first print (headless-print.ts), so the other commands do not pay for it.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['electron', 'playwright-core'] };
// The bundle reader checks case lines on worker threads; their script sits beside each bundle that
// holds the reader, found there by the bundle's own folder (case-line-worker-script.ts).
const caseLineWorker = 'electron/services/bundle-reader/case-line-worker.ts';

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/cli.ts'], outfile: 'dist/cli/council-desk.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: [caseLineWorker], outfile: 'dist/electron/case-line-worker.cjs' }),
  build({ ...common, entryPoints: [caseLineWorker], outfile: 'dist/cli/case-line-worker.cjs' }),
]);
chmodSync('dist/cli/council-desk.cjs', 0o755);
