/**
 * What a ZIP entry's name means and what may be wrong with it. A bundle is unpacked by other tools
 * too, so a name must not reach outside the folder it is unpacked into (absolute paths, drive
 * letters, ".."), must use "/" between folders, and must not collide with another name on a
 * file system that ignores case (Windows, macOS). Links are refused: a bundle holds plain files.
 */
import yauzl from 'yauzl';
import type { CodedMessage } from '../../../shared/problems/problem';
import { problem, type ProblemCode } from './problem-codes';
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
export function rawNameProblem(entry: ZipEntry): CodedMessage<ProblemCode> | null {
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0 && !isUtf8Bytes(entry.fileNameRaw)) return problem('NAME_NOT_UTF8');
  if (entry.fileNameRaw.some((b) => b < 0x20 || b === 0x7f)) return problem('NAME_CONTROL_CHARS');
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
export function entryNameProblem(name: string): CodedMessage<ProblemCode> | null {
  if (name === '' || name === '/') return problem('NAME_EMPTY');
  if (name.includes('\\')) return problem('NAME_BACKSLASH');
  if (name.startsWith('/')) return problem('NAME_ABSOLUTE');
  if (/^[A-Za-z]:/.test(name)) return problem('NAME_DRIVE_LETTER');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return problem('NAME_CONTROL_CHARS');
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return problem('NAME_DOT_DOT');
  if (segments.some((s) => s === '' || s === '.')) return problem('NAME_EMPTY_SEGMENT');
  return null;
}

/** Two names with the same key land on the same file where case (and Unicode form) does not count. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
