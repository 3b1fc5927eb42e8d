// The case-line worker run from source (vitest runs TypeScript itself, a worker thread cannot):
// case-line-worker.ts bundled by esbuild (a development dependency), then run as this module.
// The bundle is kept in the temporary folder with the size and time of each file it was made
// from, and made again when one changed: a build costs more than a worker's start. Bundles never
// use this file: each has case-line-worker.cjs beside it (build/build-node.mjs).
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const entry = join(__dirname, 'case-line-worker.ts');
const cacheDir = join(tmpdir(), 'council-desk-case-line-worker', createHash('sha256').update(__dirname).digest('hex').slice(0, 16));
const cachedCode = join(cacheDir, 'worker.cjs');
const cachedInputs = join(cacheDir, 'inputs.json');

const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

function cached() {
  try {
    const inputs = JSON.parse(readFileSync(cachedInputs, 'utf8'));
    for (const [file, seen] of Object.entries(inputs)) if (stamp(file) !== seen) return null;
    return readFileSync(cachedCode, 'utf8');
  } catch {
    return null;
  }
}

function build() {
  const { buildSync } = require('esbuild');
  const root = resolve(__dirname, '../../..');
  const built = buildSync({ entryPoints: [entry], bundle: true, write: false, metafile: true, absWorkingDir: root, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  const code = built.outputFiles[0].text;
  const inputs = Object.fromEntries(Object.keys(built.metafile.inputs).map((f) => [resolve(root, f), stamp(resolve(root, f))]));
  // written under names of their own, then renamed: workers starting together may build together
  mkdirSync(cacheDir, { recursive: true });
  const unique = `${process.pid}-${require('node:worker_threads').threadId}`;
  writeFileSync(`${cachedCode}.${unique}`, code);
  writeFileSync(`${cachedInputs}.${unique}`, JSON.stringify(inputs));
  renameSync(`${cachedCode}.${unique}`, cachedCode);
  renameSync(`${cachedInputs}.${unique}`, cachedInputs);
  return code;
}

const code = cached() ?? build();
const filename = join(__dirname, 'case-line-worker.built.cjs');
const bundle = new Module(filename, module);
bundle.filename = filename;
bundle.paths = Module._nodeModulePaths(__dirname);
bundle._compile(code, filename);
