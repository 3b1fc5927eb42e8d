/**
 * One folder as browser mode's in-app file picker shows it: subfolders, and the files of the kind
 * asked for (.cdbundle bundles, .json trust files, none when a folder is chosen). Hidden entries
 * (names starting with ".") are left out; links are followed to see what they point at.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowseKind, FolderListing } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';

/** More than a person scrolls through; the listing says when it stopped. */
export const MAX_LISTED = 2000;

const EXTENSIONS: Record<BrowseKind, string | null> = { bundle: '.cdbundle', trust: '.json', folder: null, key: '.pem', decision: '.dsse.json', backup: '.cdbackup' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function readFailure(folder: string, e: unknown): CouncilError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new CouncilError('FOLDER_NOT_FOUND', `There is no folder ${folder}.`);
  if (code === 'ENOTDIR') return new CouncilError('NOT_A_FOLDER', `${folder} is a file, not a folder.`);
  if (code === 'EACCES' || code === 'EPERM') return new CouncilError('FOLDER_UNREADABLE', `The folder ${folder} may not be read by this user.`);
  return new CouncilError('FOLDER_UNREADABLE', `The folder ${folder} could not be read: ${(e as Error)?.message ?? String(e)}`);
}

/** What an entry is, following a link; null for anything else or a broken link. */
async function entryKind(folder: string, entry: Dirent): Promise<'folder' | 'file' | null> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null;
  try {
    const target = await stat(path.join(folder, entry.name));
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

export async function listFolder(folder: string, kind: BrowseKind): Promise<FolderListing> {
  if (!path.isAbsolute(folder)) throw new CouncilError('FOLDER_NOT_ABSOLUTE', `"${folder}" is not a full path (it must start at the top of the disk, e.g. /home or C:\\).`);
  const resolved = path.resolve(folder);
  let entries: Dirent[];
  try {
    entries = await readdir(resolved, { withFileTypes: true });
  } catch (e) {
    throw readFailure(resolved, e);
  }
  const extension = EXTENSIONS[kind];
  const visible = entries.filter((entry) => !entry.name.startsWith('.'));
  const kinds = await Promise.all(visible.map((entry) => entryKind(resolved, entry)));
  const folders: FolderListing['folders'] = [];
  const files: FolderListing['files'] = [];
  visible.forEach((entry, i) => {
    const item = { name: entry.name, path: path.join(resolved, entry.name) };
    if (kinds[i] === 'folder') folders.push(item);
    else if (kinds[i] === 'file' && extension !== null && entry.name.toLowerCase().endsWith(extension)) files.push(item);
  });
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  folders.sort(byName);
  files.sort(byName);
  const truncated = folders.length + files.length > MAX_LISTED;
  const shownFolders = folders.slice(0, MAX_LISTED);
  const parent = path.dirname(resolved);
  return {
    path: resolved,
    parent: parent === resolved ? null : parent,
    folders: shownFolders,
    files: files.slice(0, MAX_LISTED - shownFolders.length),
    truncated,
  };
}
