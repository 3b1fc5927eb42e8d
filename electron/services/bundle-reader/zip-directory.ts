/**
 * The first pass over a bundle: its central directory only, no file data. Counts the entries,
 * checks each name, refuses links, encrypted entries and unknown compression, and takes a first
 * look at the declared sizes (the real counting happens while inflating, see entry-chunks.ts).
 * Returns the entries that may be read, by name.
 */
import { declaredSizeBreach, formatBytes, type BundleLimits } from './limits';
import { collisionKey, decodeEntryName, displayName, entryNameProblem, isDirectoryEntry, isSymlinkEntry, rawNameProblem } from './entry-names';
import { FatalBundleError, type ProblemLog } from './problem-log';
import { directoryEntries, type ZipArchive, type ZipEntry } from './zip-archive';

export interface BundleDirectory {
  /** Plain-file entries that may be read, by name, in directory order. */
  entries: Map<string, ZipEntry>;
  /** Names refused for what they are (bad name, link, encrypted...): not "missing", not "unlisted". */
  refused: Set<string>;
}

const STORED = 0;
const DEFLATED = 8;

export async function readBundleDirectory(zip: ZipArchive, bundleFile: string, limits: BundleLimits, log: ProblemLog): Promise<BundleDirectory> {
  if (zip.entryCount > limits.maxEntries) {
    log.fatal('limits', bundleFile, null, '', `holds ${zip.entryCount.toLocaleString('en-US')} files, more than the ${limits.maxEntries.toLocaleString('en-US')} a bundle may hold`);
  }
  const entries = new Map<string, ZipEntry>();
  const refused = new Set<string>();
  const byKey = new Map<string, string>();
  let declaredTotal = 0;
  let seen = 0;

  try {
    for await (const entry of directoryEntries(zip)) {
      seen += 1;
      if (seen > limits.maxEntries) {
        log.fatal('limits', bundleFile, null, '', `holds more than the ${limits.maxEntries.toLocaleString('en-US')} files a bundle may hold`);
      }
      const name = decodeEntryName(entry);
      const shown = displayName(name);
      const nameProblem = rawNameProblem(entry) ?? entryNameProblem(name);
      if (nameProblem !== null) {
        log.error('entry-name', shown, null, '', nameProblem);
        refused.add(name);
        continue;
      }
      if (isSymlinkEntry(entry)) {
        log.error('entry-name', shown, null, '', 'is a symbolic link; a bundle holds only plain files');
        refused.add(name);
        continue;
      }
      if (isDirectoryEntry(entry, name)) continue; // folders carry nothing
      if (entry.isEncrypted()) {
        log.error('zip', shown, null, '', 'is encrypted (password-protected); bundle files must not be encrypted');
        refused.add(name);
        continue;
      }
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        log.error('zip', shown, null, '', `is packed with a compression method this app cannot read (method ${entry.compressionMethod}); bundles use "deflate" or no compression`);
        refused.add(name);
        continue;
      }
      const earlier = entries.has(name) ? name : byKey.get(collisionKey(name));
      if (earlier !== undefined) {
        const message =
          earlier === name
            ? 'appears twice in the bundle; each file may appear only once'
            : `differs from ${displayName(earlier)} only in upper/lower case; the two would overwrite each other on Windows and macOS`;
        log.error('entry-name', shown, null, '', message);
        if (earlier !== name) refused.add(name); // an exact duplicate: the first one stands for the name
        continue;
      }
      const breach = declaredSizeBreach(shown, entry.compressedSize, entry.uncompressedSize, limits);
      if (breach) log.fatal('limits', shown, null, '', breach.message);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        log.fatal('limits', bundleFile, null, '', `says it unpacks to more than ${formatBytes(limits.maxTotalBytes)} in all, more than a bundle may hold`);
      }
      entries.set(name, entry);
      byKey.set(collisionKey(name), name);
    }
  } catch (e) {
    if (e instanceof FatalBundleError) throw e;
    log.fatal('zip', bundleFile, null, '', `is damaged: its table of contents cannot be read (${(e as Error).message})`);
  }
  return { entries, refused };
}
