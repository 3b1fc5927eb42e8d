/**
 * The files a sync engine (Syncthing, Dropbox, OneDrive, a network share) leaves in the sync
 * folder (FORMATS.md, "Sync folder"): never read as bundles or decisions, wherever the app reads
 * the folder. Names are compared without regard to case where the engines' own systems do
 * (Windows, macOS): `Desktop.ini` is desktop.ini.
 */

/** Names ignored exactly (after lower-casing). */
const IGNORED_NAMES = new Set(['.stversions', '.ds_store', 'desktop.ini', 'thumbs.db']);

/** Why a name is ignored, each a test on the lower-cased name. */
const IGNORED_PATTERNS: readonly RegExp[] = [
  /\.sync-conflict-/, // Syncthing's conflict copies: name.sync-conflict-20230302-140000-ABCDEFG.ext
  /^~syncthing~.*\.tmp$/, // Syncthing's temporary files (Windows)
  /^\.syncthing\..*\.tmp$/, // Syncthing's temporary files
  /conflicted copy/, // Dropbox: name (Kim's conflicted copy 2023-03-02).ext
  /^[.~]/, // hidden files and lock or temporary files of every kind (.stversions/, ~$report.docx)
];

/** Whether a file or folder name (one path segment) is a sync engine's, to be skipped. */
export function isIgnoredSyncName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === '' || IGNORED_NAMES.has(lower)) return true;
  return IGNORED_PATTERNS.some((p) => p.test(lower));
}

