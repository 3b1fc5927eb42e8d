// npm run bench: builds the Node side and the benchmark page, bundles the benchmark, runs it.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('node', ['build/build-node.mjs']);
run('npx', ['vite', 'build', '--config', 'test/bench/vite.bench.config.ts']);
// the bundle reader's case-line worker beside the benchmark's bundle, as build-node.mjs puts it beside the CLI's
await build({
  entryPoints: ['electron/services/bundle-reader/case-line-worker.ts'],
  outfile: 'dist/bench/case-line-worker.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
await build({
  entryPoints: ['test/bench/bench.ts'],
  outfile: 'dist/bench/bench.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['playwright-core', 'electron'],
  logLevel: 'warning',
});
run('node', ['--max-old-space-size=4096', 'dist/bench/bench.cjs']);
