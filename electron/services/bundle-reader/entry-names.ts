/**
 * What a ZIP entry's name means and what may be wrong with it. A bundle is unpacked by other tools
 * too, so a name must not reach outside the folder it is unpacked into (absolute paths, drive
 * letters, ".."), must use "/" between folders, and must not collide with another name on a
 * file system that ignores case (Windows, macOS). Links are refused: a bundle holds plain files.
 */
import yauzl from 'yauzl';
import type { ZipEntry } from './zip-archive';

const UNIX_FILE_TYPE_MASK = 0o170000;
const UNIX_SYMLINK = 0o120000;
const UNIX_DIRECTORY = 0o040000;
const UTF8_NAME_FLAG = 0x800;

/** The entry's name as text: UTF-8 when the ZIP says so (or a Unicode path field), else CP437. */
export function decodeEntryName(entry: ZipEntry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

/** What is wrong with the name's bytes themselves: UTF-8 claimed but broken, or control bytes (CP437 would show them as symbols). */
export function rawNameProblem(entry: ZipEntry): string | null {
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0 && !isUtf8Bytes(entry.fileNameRaw)) return 'has a name that is not valid UTF-8 text';
  if (entry.fileNameRaw.some((b) => b < 0x20 || b === 0x7f)) return 'contains control characters';
  return null;
}

function isUtf8Bytes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A name fit to show in a message: control characters become "?". */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?');
}

export function isDirectoryEntry(entry: ZipEntry, name: string): boolean {
  return name.endsWith('/') || ((entry.externalFileAttributes >>> 16) & UNIX_FILE_TYPE_MASK) === UNIX_DIRECTORY;
}

/** A symbolic link, by the Unix mode in the high 16 bits of the external attributes. */
export function isSymlinkEntry(entry: ZipEntry): boolean {
  return ((entry.externalFileAttributes >>> 16) & UNIX_FILE_TYPE_MASK) === UNIX_SYMLINK;
}

/** What is wrong with a name, in words; null when it is a safe relative path. */
export function entryNameProblem(name: string): string | null {
  if (name === '' || name === '/') return 'has an empty name';
  if (name.includes('\\')) return 'contains a backslash (\\); bundles use / between folders, and a backslash could place the file elsewhere on Windows';
  if (name.startsWith('/')) return 'is an absolute path (it starts with /); bundle entries must be relative paths';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter (an absolute Windows path); bundle entries must be relative paths';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains control characters';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return 'contains a ".." folder, which would place the file outside the folder the bundle is unpacked into';
  if (segments.some((s) => s === '' || s === '.')) return 'contains an empty or "." folder name';
  return null;
}

/** Two names with the same key land on the same file where case (and Unicode form) does not count. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
