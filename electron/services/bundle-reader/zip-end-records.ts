/**
 * The ZIP's end: the end of central directory record (and, when a ZIP64 locator sits right before
 * it, the ZIP64 end record it points to), read by the reader itself so it knows where the central
 * directory starts and how long it is before reading any of it. The layout is strict, so that
 * every ZIP tool sees the same files: the directory is followed directly by the (ZIP64) end
 * records, and the end record with its comment reaches exactly the end of the file.
 */
import type { CodedMessage } from '../../../shared/problems/problem';
import type { BlockFileReader } from './block-file-reader';
import { problem, type ProblemCode } from './problem-codes';

const END_SIGNATURE = 0x06054b50;
const END_BYTES = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_END_MIN_BYTES = 56;
const MAX_COMMENT_BYTES = 0xffff;

export interface ZipEnd {
  entryCount: number;
  directoryOffset: number;
  directorySize: number;
  /** Where the end records start (the ZIP64 end record when there is one): the directory must end here. */
  endRecordsStart: number;
}

/** Why the end cannot be used: the problem to report for the whole bundle. */
export class ZipEndProblem extends Error {
  constructor(readonly coded: CodedMessage<ProblemCode>) {
    super(coded.message);
  }
}

const notAZip = (detail: string) => new ZipEndProblem(problem('NOT_A_ZIP', { detail }));
const damaged = (detail: string) => new ZipEndProblem(problem('ZIP_DIRECTORY_DAMAGED', { detail }));

export async function readZipEnd(file: BlockFileReader): Promise<ZipEnd> {
  const size = file.fileSize;
  if (size < END_BYTES) throw notAZip('end of central directory record signature not found');
  const tailStart = Math.max(0, size - END_BYTES - MAX_COMMENT_BYTES);
  const tail = await file.bytesAt(tailStart, size - tailStart);
  // The last end record whose comment reaches the end of the file; else the last one at all (whose
  // comment then falls short of the end, or runs past it).
  let found = -1;
  let fallback = -1;
  for (let i = tail.length - END_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_SIGNATURE) continue;
    if (fallback === -1) fallback = i;
    if (i + END_BYTES + tail.readUInt16LE(i + 20) === tail.length) {
      found = i;
      break;
    }
  }
  if (found === -1 && fallback === -1) throw notAZip('end of central directory record signature not found');
  const at = found === -1 ? fallback : found;
  const endPosition = tailStart + at;
  const commentBytes = tail.readUInt16LE(at + 20);
  const endOfRecord = endPosition + END_BYTES + commentBytes;
  if (endOfRecord > size) throw new ZipEndProblem(problem('ZIP_COMMENT_CUT_SHORT', { commentBytes, missingBytes: endOfRecord - size }));
  if (endOfRecord < size) throw new ZipEndProblem(problem('ZIP_BYTES_AFTER_END', { extraBytes: size - endOfRecord }));

  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const entriesHere = tail.readUInt16LE(at + 8);
  const entries = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);

  const locatorAt = endPosition - ZIP64_LOCATOR_BYTES;
  const locator = locatorAt >= 0 ? await file.bytesAt(locatorAt, ZIP64_LOCATOR_BYTES) : null;
  if (locator === null || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) {
    if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries) throw damaged('the bundle is split over several files (a multi-part ZIP)');
    return { entryCount: entries, directoryOffset, directorySize, endRecordsStart: endPosition };
  }
  return readZip64End(file, locator, locatorAt, { disk, directoryDisk, entriesHere, entries, directorySize, directoryOffset });
}

/** The ZIP64 end record, which must end where its locator starts and agree with the plain end record. */
async function readZip64End(file: BlockFileReader, locator: Buffer, locatorAt: number, plain: Record<string, number>): Promise<ZipEnd> {
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) !== 1) throw damaged('the bundle is split over several files (a multi-part ZIP)');
  const recordAt = readUInt64(locator, 8);
  if (recordAt + ZIP64_END_MIN_BYTES > locatorAt) throw damaged('the ZIP64 end record is not where its locator says');
  const record = await file.bytesAt(recordAt, ZIP64_END_MIN_BYTES);
  if (record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw damaged('the ZIP64 end record is not where its locator says');
  // The record's size field counts the bytes after itself (12 bytes in); it may hold extensible data.
  if (recordAt + 12 + readUInt64(record, 4) !== locatorAt) throw damaged('the ZIP64 end record is not followed directly by its locator');
  const zip64 = {
    disk: record.readUInt32LE(16),
    directoryDisk: record.readUInt32LE(20),
    entriesHere: readUInt64(record, 24),
    entries: readUInt64(record, 32),
    directorySize: readUInt64(record, 40),
    directoryOffset: readUInt64(record, 48),
  };
  if (zip64.disk !== 0 || zip64.directoryDisk !== 0 || zip64.entriesHere !== zip64.entries) throw damaged('the bundle is split over several files (a multi-part ZIP)');
  // A field of the plain end record is either the ZIP64 value or "see ZIP64"; anything else would
  // let two ZIP tools read two different directories.
  const agrees = (value: number, wide: number, max: number) => value === max || value === wide;
  const sound =
    agrees(plain.entries!, zip64.entries, 0xffff) &&
    agrees(plain.entriesHere!, zip64.entries, 0xffff) &&
    agrees(plain.directorySize!, zip64.directorySize, 0xffffffff) &&
    agrees(plain.directoryOffset!, zip64.directoryOffset, 0xffffffff);
  if (!sound) throw new ZipEndProblem(problem('ZIP_END_RECORDS_DISAGREE'));
  return { entryCount: zip64.entries, directoryOffset: zip64.directoryOffset, directorySize: zip64.directorySize, endRecordsStart: recordAt };
}

/** An 8-byte little-endian number; beyond 2^53 it cannot be an offset in any real file. */
export function readUInt64(b: Buffer, at: number): number {
  const value = b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x1_0000_0000;
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}
