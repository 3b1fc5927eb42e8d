/**
 * What kind of thing an entry is. A bundle holds only regular files and empty folders: another
 * tool unpacking it must not create a link, a device or a pipe, nor a folder where this reader
 * saw a file (or the other way round). The kind comes from the name (a folder's ends in "/"), the
 * Unix mode in the high 16 bits of the external attributes (when the ZIP was made on Unix), and
 * the MS-DOS folder attribute in the low byte.
 */
import type { CodedMessage } from '../../../shared/problems/problem';
import { problem, type ProblemCode } from './problem-codes';

const UNIX_FILE_TYPE_MASK = 0o170000;
const UNIX_REGULAR = 0o100000;
const UNIX_DIRECTORY = 0o040000;
const UNIX_SYMLINK = 0o120000;
const DOS_DIRECTORY = 0x10;

interface Typed {
  externalFileAttributes: number;
  compressedSize: number;
  uncompressedSize: number;
}

export type EntryKind = { kind: 'file' } | { kind: 'folder' } | { kind: 'refused'; coded: CodedMessage<ProblemCode> };

/** The Unix file type bits; 0 when there are none (a ZIP made elsewhere, or no mode written). */
function unixType(entry: Typed): number {
  return (entry.externalFileAttributes >>> 16) & UNIX_FILE_TYPE_MASK;
}

export function entryKind(entry: Typed, name: string): EntryKind {
  const type = unixType(entry);
  // The MS-DOS attributes are meant as such only when the ZIP was not made on Unix, but Windows
  // reads them anyway and would see a folder: so the bit counts whoever made the ZIP.
  const dosFolder = (entry.externalFileAttributes & DOS_DIRECTORY) !== 0;
  if (type === UNIX_SYMLINK) return { kind: 'refused', coded: problem('NAME_SYMLINK') };
  if (type !== 0 && type !== UNIX_REGULAR && type !== UNIX_DIRECTORY) {
    return { kind: 'refused', coded: problem('ENTRY_SPECIAL_FILE', { mode: `0${type.toString(8)}` }) };
  }
  const folderByName = name.endsWith('/');
  if (folderByName && type === UNIX_REGULAR) return { kind: 'refused', coded: problem('ENTRY_FOLDER_MARKED_FILE') };
  if (!folderByName && (type === UNIX_DIRECTORY || dosFolder)) return { kind: 'refused', coded: problem('ENTRY_FILE_MARKED_FOLDER') };
  if (folderByName) {
    if (entry.compressedSize > 0 || entry.uncompressedSize > 0) return { kind: 'refused', coded: problem('ENTRY_FOLDER_WITH_DATA') };
    return { kind: 'folder' };
  }
  return { kind: 'file' };
}
