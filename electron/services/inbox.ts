/**
 * The sync folder's inbox/: the bundle files the secretariat's systems dropped there, with a
 * quick look at each manifest so the Bundles screen can say which are new. A sync engine's own
 * files (FORMATS.md, "Sync folder": a conflict copy, a temporary file) are never listed.
 */
import { SYNC_SUBFOLDERS } from '../../shared/sync-folder/folders';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Stats } from 'node:fs';
import type { InboxEntry } from '../../shared/bundle-import';
import { CouncilError } from '../../shared/result';
import { isIgnoredSyncName } from '../../shared/sync-folder/ignored-names';
import { peekBundle } from './bundle-reader';

export const INBOX_FOLDER: string = SYNC_SUBFOLDERS.inbox;
const BUNDLE_EXTENSION = '.cdbundle';

export interface InboxOptions {
  /** The subfolder listed: inbox/ unless another is named (a shared outbox/). */
  folder?: string;
  /** Whether a missing sync folder is an empty one: the default sync folder, not made yet. */
  missingIsEmpty?: boolean;
}

/**
 * The regular files in `<sync>/inbox/` whose names end with `extension` (any case), by name, a
 * sync engine's files left out; [] when there is no inbox yet. Throws SYNC_FOLDER_MISSING when
 * the sync folder is gone (a USB stick pulled, a share down; the default one not made yet: []),
 * SYNC_FOLDER_UNREADABLE when the inbox cannot be read.
 */
export async function inboxFiles(syncFolder: string, extension: string, opts: InboxOptions = {}): Promise<{ path: string; fileName: string; info: Stats }[]> {
  const folderStat = await stat(syncFolder).catch((error: NodeJS.ErrnoException) => (opts.missingIsEmpty && error.code === 'ENOENT' ? 'missing' : null));
  if (folderStat === 'missing') return [];
  if (!folderStat?.isDirectory()) {
    throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${syncFolder} cannot be found. Is the drive connected?`);
  }
  const folder = opts.folder ?? INBOX_FOLDER;
  const inbox = path.join(syncFolder, folder);
  const names = await readdir(inbox).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new CouncilError('SYNC_FOLDER_UNREADABLE', `The folder ${inbox} cannot be read: ${error.message}`);
  });
  const files: { path: string; fileName: string; info: Stats }[] = [];
  for (const fileName of names.filter((n) => !isIgnoredSyncName(n) && n.toLowerCase().endsWith(extension)).sort()) {
    const file = path.join(inbox, fileName);
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) files.push({ path: file, fileName, info });
  }
  return files;
}

/** The bundle files of `<sync>/inbox/`, each with a quick look at its manifest (see inboxFiles for `opts`). */
export async function listInbox(syncFolder: string, opts: Pick<InboxOptions, 'missingIsEmpty'> = {}): Promise<InboxEntry[]> {
  const entries: InboxEntry[] = [];
  for (const { path: file, fileName, info } of await inboxFiles(syncFolder, BUNDLE_EXTENSION, opts)) {
    const peek = await peekBundle(file);
    entries.push({
      path: file,
      fileName,
      size: info.size,
      modifiedAt: info.mtime.toISOString(),
      bundleId: peek?.bundleId ?? null,
      manifestSha256: peek?.manifestSha256 ?? null,
    });
  }
  return entries;
}
