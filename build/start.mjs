// npm start (after npm run build): the desktop app when Electron's binary is installed, else the
// same app in browser mode (council-desk serve), saying so in one line. Its arguments go to
// either (npm start -- --port 41016 --no-open).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * Where Electron's binary is, found the way the electron package's index.js finds it, without
 * loading that file: when the binary is missing it tries to download it and then throws.
 */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

/**
 * Runs the app in the foreground with its exit status as ours. SIGINT and SIGTERM are passed on
 * (Ctrl+C in a terminal reaches the app directly too; it stops once either way).
 */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    console.error(`npm start: ${command} could not be started: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  run(electron, ['.', ...args]);
} else {
  console.log("Electron's binary is not installed here (node_modules/electron has no dist/), so Council Desk starts in browser mode (council-desk serve) instead.");
  run(process.execPath, [path.join(root, 'dist', 'cli', 'council-desk.cjs'), 'serve', ...args]);
}
