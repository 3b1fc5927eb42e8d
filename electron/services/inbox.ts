/**
 * The sync folder's inbox/: the bundle files the secretariat's systems dropped there, with a
 * quick look at each manifest so the Bundles screen can say which are new.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InboxEntry } from '../../shared/bundle-import';
import { CouncilError } from '../../shared/result';
import { peekBundle } from './bundle-reader';

export const INBOX_FOLDER = 'inbox';
const BUNDLE_EXTENSION = '.cdbundle';

export async function listInbox(syncFolder: string): Promise<InboxEntry[]> {
  const folderStat = await stat(syncFolder).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${syncFolder} cannot be found. Is the drive connected?`);
  }
  const inbox = path.join(syncFolder, INBOX_FOLDER);
  const names = await readdir(inbox).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new CouncilError('SYNC_FOLDER_UNREADABLE', `The folder ${inbox} cannot be read: ${error.message}`);
  });
  const entries: InboxEntry[] = [];
  for (const fileName of names.filter((n) => n.toLowerCase().endsWith(BUNDLE_EXTENSION)).sort()) {
    const file = path.join(inbox, fileName);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
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
