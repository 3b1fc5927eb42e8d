/**
 * The manifest's `files` against the ZIP's entries: every file but the manifest listed, every
 * listed file present (kind 'files'). Hashes are compared later, while each file is read.
 */
import { formatJsonPath } from '../../../shared/json-path';
import type { BundleManifest } from '../../../shared/schemas/bundle-manifest';
import { displayName } from './entry-names';
import { MANIFEST_FILE, SIGNED_MANIFEST_FILE } from './manifest-reader';
import type { ProblemLog } from './problem-log';
import type { BundleDirectory } from './zip-directory';

export const CASES_FILE = 'cases.ndjson';

export function checkListedFiles(directory: BundleDirectory, manifest: BundleManifest, manifestFile: string, log: ProblemLog): void {
  for (const name of directory.entries.keys()) {
    if (name === manifestFile) continue;
    if (!Object.hasOwn(manifest.files, name)) {
      log.error('files', displayName(name), null, '', `is in the bundle but not listed in the manifest's files (${manifestFile}), so nothing vouches for its content`);
    }
  }
  for (const name of Object.keys(manifest.files)) {
    const path = formatJsonPath(['files', name]);
    if (name === MANIFEST_FILE || name === SIGNED_MANIFEST_FILE) {
      log.error('files', manifestFile, null, path, 'lists the manifest itself; files lists every file of the bundle except the manifest');
    } else if (!directory.entries.has(name) && !directory.refused.has(name)) {
      log.error('files', manifestFile, null, path, `lists ${displayName(name)}, which is missing from the bundle`);
    }
  }
  if (!directory.entries.has(CASES_FILE) && !Object.hasOwn(manifest.files, CASES_FILE)) {
    log.error('files', CASES_FILE, null, '', 'is missing from the bundle; every bundle has a cases.ndjson, even an empty one');
  }
}

/** A file's SHA-256 against the one the manifest lists for it (when it lists one). */
export function checkListedHash(name: string, actual: string, manifest: BundleManifest, manifestFile: string, log: ProblemLog): void {
  const listed = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
  if (listed !== undefined && listed !== actual) {
    log.error('hash', displayName(name), null, '', `has SHA-256 ${actual}, but the manifest (${manifestFile}) lists ${listed}: the file was changed or damaged after the bundle was made`);
  }
}
