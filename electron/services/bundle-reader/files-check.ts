/**
 * The manifest's `files` against the ZIP's entries: every file but the manifest listed, every
 * listed file present (kind 'files'). Hashes are compared later, while each file is read.
 */
import { formatJsonPath } from '../../../shared/json-path';
import type { BundleManifest } from '../../../shared/schemas/bundle-manifest';
import { collisionKey, displayName } from './entry-names';
import { MANIFEST_FILE, SIGNED_MANIFEST_FILE } from './manifest-reader';
import { problem } from './problem-codes';
import type { ProblemLog } from './problem-log';
import type { BundleDirectory } from './zip-directory';

export const CASES_FILE = 'cases.ndjson';

export function checkListedFiles(directory: BundleDirectory, manifest: BundleManifest, manifestFile: string, log: ProblemLog): void {
  for (const name of directory.entries.keys()) {
    if (name === manifestFile) continue;
    if (!Object.hasOwn(manifest.files, name)) {
      log.error('files', displayName(name), null, '', problem('FILE_NOT_LISTED', { manifestFile }));
    }
  }
  // A listed name that a refused entry's differs from only in case or Unicode form (NFC "한" listed,
  // NFD "한" in the ZIP) is that entry: its refusal is the one problem, not "missing" as well.
  const refusedKeys = new Set([...directory.refused].map(collisionKey));
  for (const name of Object.keys(manifest.files)) {
    const path = formatJsonPath(['files', name]);
    if (name === MANIFEST_FILE || name === SIGNED_MANIFEST_FILE) {
      log.error('files', manifestFile, null, path, problem('FILES_LIST_MANIFEST'));
    } else if (!directory.entries.has(name) && !directory.refused.has(name) && !refusedKeys.has(collisionKey(name))) {
      log.error('files', manifestFile, null, path, problem('FILE_LISTED_MISSING', { name: displayName(name) }));
    }
  }
  if (!directory.entries.has(CASES_FILE) && !Object.hasOwn(manifest.files, CASES_FILE)) {
    log.error('files', CASES_FILE, null, '', problem('CASES_FILE_MISSING'));
  }
}

/** A file's SHA-256 against the one the manifest lists for it (when it lists one). */
export function checkListedHash(name: string, actual: string, manifest: BundleManifest, manifestFile: string, log: ProblemLog): void {
  const listed = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
  if (listed !== undefined && listed !== actual) {
    log.error('hash', displayName(name), null, '', problem('HASH_MISMATCH', { actual, listed, manifestFile }));
  }
}
