/**
 * A quick look at a bundle for the inbox list: its manifest only (bundleId and the manifest's
 * SHA-256), under the same limits as a full read, signature not judged. Null when it can't be read.
 */
import { DEFAULT_BUNDLE_LIMITS, InflateBudget } from './limits';
import { findManifest, parseManifest, readManifestBytes, type ManifestSighting } from './manifest-reader';
import { ProblemLog } from './problem-log';
import { closeZipArchive, openZipArchive, type ZipArchive } from './zip-archive';
import { readBundleDirectory } from './zip-directory';

export async function peekBundle(path: string): Promise<{ bundleId: string; manifestSha256: string } | null> {
  const log = new ProblemLog(10);
  const seen: ManifestSighting = { bundleId: null, caseCount: null, signature: null, manifestSha256: null };
  let zip: ZipArchive | null = null;
  try {
    zip = await openZipArchive(path);
    const directory = await readBundleDirectory(zip, path, DEFAULT_BUNDLE_LIMITS, log);
    const found = findManifest(directory.entries, path, log);
    const reader = { zip, bundleFile: path, budget: new InflateBudget(DEFAULT_BUNDLE_LIMITS), log, signal: undefined };
    const bytes = await readManifestBytes(reader, found.file, found.entry);
    parseManifest(bytes, found.file, { trust: [], requireSignature: false }, log, seen);
  } catch {
    // what was seen before the problem still counts
  } finally {
    closeZipArchive(zip);
  }
  return seen.bundleId !== null && seen.manifestSha256 !== null ? { bundleId: seen.bundleId, manifestSha256: seen.manifestSha256 } : null;
}
