// npm run bench: builds the Node side and the benchmark page, bundles the benchmark, runs it.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('node', ['build/build-node.mjs']);
run('npx', ['vite', 'build', '--config', 'test/bench/vite.bench.config.ts']);
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
