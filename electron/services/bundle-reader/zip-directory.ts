/**
 * The first pass over a bundle: its central directory only, no file data. Counts the entries,
 * checks each name, refuses links, encrypted entries and unknown compression, and takes a first
 * look at the declared sizes (the real counting happens while inflating, see entry-chunks.ts).
 * Returns the entries that may be read, by name.
 */
import { declaredSizeBreach, type BundleLimits } from './limits';
import { problem } from './problem-codes';
import { collisionKey, collisionProblem, decodeEntryName, displayName, entryNameProblem, isDirectoryEntry, isSymlinkEntry, rawNameProblem } from './entry-names';
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
    log.fatal('limits', bundleFile, null, '', problem('LIMIT_ENTRIES', { count: zip.entryCount, max: limits.maxEntries }));
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
        log.fatal('limits', bundleFile, null, '', problem('LIMIT_ENTRIES_COUNTED', { max: limits.maxEntries }));
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
        log.error('entry-name', shown, null, '', problem('NAME_SYMLINK'));
        refused.add(name);
        continue;
      }
      if (isDirectoryEntry(entry, name)) continue; // folders carry nothing
      if (entry.isEncrypted()) {
        log.error('zip', shown, null, '', problem('ENTRY_ENCRYPTED'));
        refused.add(name);
        continue;
      }
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        log.error('zip', shown, null, '', problem('ENTRY_COMPRESSION_METHOD', { method: entry.compressionMethod }));
        refused.add(name);
        continue;
      }
      const earlier = entries.has(name) ? name : byKey.get(collisionKey(name));
      if (earlier !== undefined) {
        log.error('entry-name', shown, null, '', collisionProblem(name, earlier));
        if (earlier !== name) refused.add(name); // an exact duplicate: the first one stands for the name
        continue;
      }
      const breach = declaredSizeBreach(shown, entry.compressedSize, entry.uncompressedSize, limits);
      if (breach) log.fatal('limits', shown, null, '', breach);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        log.fatal('limits', bundleFile, null, '', problem('LIMIT_TOTAL_DECLARED', { maxBytes: limits.maxTotalBytes }));
      }
      entries.set(name, entry);
      byKey.set(collisionKey(name), name);
    }
  } catch (e) {
    if (e instanceof FatalBundleError) throw e;
    log.fatal('zip', bundleFile, null, '', problem('ZIP_DIRECTORY_DAMAGED', { detail: (e as Error).message }));
  }
  return { entries, refused };
}
