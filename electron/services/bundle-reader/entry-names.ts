/**
 * What a ZIP entry's name means and what may be wrong with it. A bundle is unpacked by other tools
 * too, so a name must not reach outside the folder it is unpacked into (absolute paths, drive
 * letters, ".."), must use "/" between folders, must be a name every file system can hold as it
 * is (Windows drops a trailing dot or space, keeps device names, refuses a colon), must read the
 * same in every ZIP tool (UTF-8, marked as such, in NFC form, one name only), must show what it is
 * (no control, bidirectional or invisible characters), and must not collide with another name on
 * a file system that ignores case (Windows, macOS). Links are refused: a bundle holds plain files.
 *
 * The functions take the name's fields only (NameFields), not yauzl's Entry, so the directory
 * reader may come from anywhere.
 */
import yauzl from 'yauzl';
import type { CodedMessage } from '../../../shared/problems/problem';
import { BIDI, codePointsOf, CONTROL, differingParts, foundIn, INVISIBLE, showUnseen } from './name-characters';
import { problem, type ProblemCode } from './problem-codes';

/** The parts of a ZIP entry that say what its name is. */
export type NameFields = {
  fileNameRaw: Uint8Array;
  generalPurposeBitFlag: number;
  extraFields: readonly { id: number; data: Uint8Array }[];
};

type NameProblem = CodedMessage<ProblemCode>;

const UTF8_NAME_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field: version (1 byte), CRC-32 of the header's name (4), the name in UTF-8. */
const UNICODE_PATH_FIELD = 0x7075;
/** The most UTF-8 bytes a whole name may have (FORMATS.md). */
export const MAX_NAME_BYTES = 255;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function isUtf8Bytes(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);
const cp437 = (bytes: Uint8Array) => yauzl.getFileNameLowLevel(0, Buffer.from(bytes), [], true);

/**
 * The entry's name as text, from the header's name field alone (a Unicode Path field is never
 * taken instead: see rawNameProblem). UTF-8 when the ZIP says so; plain ASCII as it is (control
 * bytes stay control characters, so they are refused and shown as such, not as CP437's symbols).
 * A name with high bytes but no UTF-8 mark is refused; it is decoded as UTF-8 when it is valid
 * UTF-8 (what the tool most likely meant, and what a case document would point to), else as CP437.
 */
export function decodeEntryName(entry: NameFields): string {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0) return utf8Lenient.decode(raw);
  if (!hasHighBytes(raw)) return Buffer.from(raw).toString('latin1');
  return isUtf8Bytes(raw) ? utf8Strict.decode(raw) : cp437(raw);
}

/**
 * What is wrong with the name's bytes themselves: UTF-8 claimed but broken; high bytes without the
 * UTF-8 mark (CP437 to one tool, UTF-8 to another); a Unicode Path field naming anything but the
 * name itself (tools that read the field see another name than tools that do not).
 */
export function rawNameProblem(entry: NameFields): NameProblem | null {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0) {
    if (!isUtf8Bytes(raw)) return problem('NAME_NOT_UTF8');
  } else if (hasHighBytes(raw)) {
    return isUtf8Bytes(raw) ? problem('NAME_NOT_MARKED_UTF8', { cp437: showUnseen(cp437(raw)) }) : problem('NAME_LEGACY_ENCODING');
  }
  for (const field of entry.extraFields) {
    if (field.id !== UNICODE_PATH_FIELD) continue;
    const named = field.data.subarray(5);
    if (field.data.length < 5 || Buffer.compare(Buffer.from(named), Buffer.from(raw)) !== 0) {
      return problem('NAME_UNICODE_PATH', { other: showUnseen(utf8Lenient.decode(named)) });
    }
  }
  return null;
}

/** A name fit to show in a message: control, bidirectional and invisible characters become <U+XXXX>. */
export function displayName(name: string): string {
  return showUnseen(name);
}

/** Windows keeps these for devices, with any extension and in any case (COM0/LPT0, the superscript digits and CONIN$/CONOUT$ too). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/iu;
/** Characters Windows refuses in a name, beside the colon and the backslash that have rules of their own. */
const WINDOWS_FORBIDDEN = /[<>"|?*]/gu;

/**
 * What is wrong with a name, in words; null when it is a safe relative path. The writer uses the
 * same rules (bundle-zip-writer.ts), so it never makes a bundle the reader refuses.
 */
export function entryNameProblem(name: string): NameProblem | null {
  if (name === '' || name === '/') return problem('NAME_EMPTY');
  const length = Buffer.byteLength(name, 'utf8');
  if (length > MAX_NAME_BYTES) return problem('NAME_TOO_LONG', { length, max: MAX_NAME_BYTES });
  const control = foundIn(name, CONTROL);
  if (control) return problem('NAME_CONTROL_CHARS', { chars: control });
  const bidi = foundIn(name, BIDI);
  if (bidi) return problem('NAME_BIDI_CHARS', { chars: bidi });
  const invisible = foundIn(name, INVISIBLE);
  if (invisible) return problem('NAME_INVISIBLE_CHARS', { chars: invisible });
  const nfc = name.normalize('NFC');
  if (nfc !== name) {
    const [text, nfcText] = differingParts(name, nfc);
    return problem('NAME_NOT_NFC', { text, codePoints: codePointsOf(text), nfcCodePoints: codePointsOf(nfcText) });
  }
  if (name.includes('\\')) return problem('NAME_BACKSLASH');
  if (name.startsWith('/')) return problem('NAME_ABSOLUTE');
  if (/^[A-Za-z]:/.test(name)) return problem('NAME_DRIVE_LETTER');
  if (name.includes(':')) return problem('NAME_COLON');
  const forbidden = name.match(WINDOWS_FORBIDDEN);
  if (forbidden) return problem('NAME_WINDOWS_CHARS', { chars: [...new Set(forbidden)].join(' ') });
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return problem('NAME_DOT_DOT');
  if (segments.some((s) => s === '' || s === '.')) return problem('NAME_EMPTY_SEGMENT');
  for (const part of segments) {
    const device = part.split('.')[0]!.replace(/ +$/u, '');
    if (DEVICE_NAME.test(device)) return problem('NAME_DEVICE', { part, device: device.toUpperCase() });
    if (part.endsWith('.')) return problem('NAME_TRAILING_DOT', { part });
    if (part.endsWith(' ')) return problem('NAME_TRAILING_SPACE', { part });
  }
  return null;
}

/** Two names with the same key land on the same file where case (and Unicode form) does not count. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The problem of a name whose collisionKey an earlier entry already has: the same name twice, or
 * two names that differ only in case. When the letters that differ are not plain ASCII (İ and i̇,
 * ǅ and ǆ) the two may look the same, so both are shown by their code points.
 */
export function collisionProblem(name: string, earlier: string): NameProblem {
  if (name === earlier) return problem('NAME_DUPLICATE');
  const other = displayName(earlier);
  const [text, otherText] = differingParts(name, earlier);
  if (/^[\x20-\x7e]*$/u.test(text + otherText)) return problem('NAME_CASE_COLLISION', { other });
  return problem('NAME_CASE_COLLISION_LOOKALIKE', { other, codePoints: codePointsOf(text), otherCodePoints: codePointsOf(otherText) });
}
