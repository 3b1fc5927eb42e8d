// npm test: typecheck, build, then every test project (unit, main, renderer, e2e) in one Vitest run,
// so the last lines printed are Vitest's summary. SKIP_E2E=1 leaves out the end-to-end tests only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skipE2e = process.env.SKIP_E2E === '1';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!skipE2e && !existsSync(chromium)) {
  console.error(
    [
      `End-to-end tests need Chromium, and none was found at ${chromium}.`,
      'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary,',
      'or run every other test with:   SKIP_E2E=1 npm test',
    ].join('\n'),
  );
  process.exit(1);
}

run('npm', ['run', 'typecheck']);
run('npm', ['run', 'build']);
const projects = skipE2e ? ['unit', 'main', 'renderer'] : ['unit', 'main', 'renderer', 'e2e'];
run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])]);
if (skipE2e) console.log('\nEnd-to-end tests were left out (SKIP_E2E=1).');
