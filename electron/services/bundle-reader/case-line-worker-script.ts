/**
 * Where the case-line worker's script is (case-line-worker.ts), for new Worker(path): built as
 * case-line-worker.cjs next to each bundle that holds the reader (dist/cli, dist/electron, the
 * benchmark's and the tests' bundles: build/build-node.mjs and its peers), found by the bundle's
 * own folder. Inside a packed app the file is unpacked beside app.asar (electron-builder.json's
 * asarUnpack), since a worker's script is read by Node's own loader. Run from source (vitest),
 * the folder is this one: case-line-worker-source.cjs builds the worker in memory first.
 * null when there is neither: the lines are then checked on the reading thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKER_FILE = 'case-line-worker.cjs';
const SOURCE_BOOTSTRAP = 'case-line-worker-source.cjs';

export function caseLineWorkerScript(folder: string = __dirname): string | null {
  const built = join(folder, WORKER_FILE);
  const unpacked = built.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  if (unpacked !== built && existsSync(unpacked)) return unpacked;
  if (existsSync(built)) return built;
  const source = join(folder, SOURCE_BOOTSTRAP);
  if (existsSync(source) && existsSync(join(folder, 'case-line-worker.ts'))) return source;
  return null;
}
