// npm start (after npm run build): the desktop app when Electron's binary is installed (or can be
// downloaded now: Electron fetches it on first use, not on npm install), else the same app in
// browser mode (council-desk serve), saying so in one line. Its arguments go to either
// (npm start -- --port 41016 --no-open).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The electron package's folder, or null when it is not installed at all. */
function electronDir() {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Where Electron's binary is, found the way the electron package's index.js finds it, without
 * loading that file: when the binary is missing it downloads it, and throws with a stack trace
 * when that fails.
 */
function electronBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

/** Electron's own download (its install.js), quietly: true when it worked. It fails at once offline. */
function downloadElectron(dir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: 'ignore' });
    const slow = setTimeout(() => console.log("Downloading Electron's binary (needed once)…"), 2000);
    const limit = setTimeout(() => child.kill(), 15 * 60_000);
    const done = (worked) => {
      clearTimeout(slow);
      clearTimeout(limit);
      resolve(worked);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
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

const dir = electronDir();
let electron = dir && electronBinary(dir);
if (dir && !electron && (await downloadElectron(dir))) electron = electronBinary(dir);
if (electron) {
  run(electron, ['.', ...args]);
} else {
  console.log("Electron's binary is not installed here (node_modules/electron has no dist/ and it could not be downloaded), so Council Desk starts in browser mode (council-desk serve) instead.");
  run(process.execPath, [path.join(root, 'dist', 'cli', 'council-desk.cjs'), 'serve', ...args]);
}
