/**
 * The central directory's records, parsed one at a time from the directory's bytes (read whole:
 * its size is bounded by maxDirectoryBytes before it is read). A record is only what the reader
 * needs while it checks it; the name and extra fields are views into the directory's bytes, gone
 * once the directory pass is over.
 */
import { readUInt64 } from './zip-end-records';

const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_BYTES = 46;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

export interface ExtraField {
  id: number;
  data: Buffer;
}

/** One central directory record: what entry-names.ts needs to read its name, and its facts. */
export interface CentralRecord {
  /** Its place in the directory, 0-based. */
  index: number;
  fileNameRaw: Buffer;
  generalPurposeBitFlag: number;
  extraFields: ExtraField[];
  versionMadeBy: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalFileAttributes: number;
  localHeaderOffset: number;
  /** Where the name's bytes sit in the directory (to compare with the local header's later). */
  nameAt: number;
}

export class DirectoryDamaged extends Error {}

/** The records of `directory`, which must hold exactly `count` of them and nothing else. */
export function* centralRecords(directory: Buffer, count: number): Generator<CentralRecord> {
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_BYTES > directory.length) throw new DirectoryDamaged(`it ends in the middle of file record ${index + 1} of ${count}`);
    if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new DirectoryDamaged(`file record ${index + 1} of ${count} does not start with the record signature`);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const nameAt = at + CENTRAL_BYTES;
    const end = nameAt + nameLength + extraLength + commentLength;
    if (end > directory.length) throw new DirectoryDamaged(`file record ${index + 1} of ${count} runs past the end of the table of contents`);
    const extraFields = parseExtraFields(directory.subarray(nameAt + nameLength, nameAt + nameLength + extraLength), index, count);
    const record: CentralRecord = {
      index,
      fileNameRaw: directory.subarray(nameAt, nameAt + nameLength),
      generalPurposeBitFlag: directory.readUInt16LE(at + 8),
      extraFields,
      versionMadeBy: directory.readUInt16LE(at + 4),
      compressionMethod: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      externalFileAttributes: directory.readUInt32LE(at + 38),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      nameAt,
    };
    if (directory.readUInt16LE(at + 34) !== 0 && directory.readUInt16LE(at + 34) !== 0xffff) {
      throw new DirectoryDamaged(`file record ${index + 1} of ${count} says its file is on another disk (a multi-part ZIP)`);
    }
    applyZip64(record, count);
    yield record;
    at = end;
  }
  if (at !== directory.length) throw new DirectoryDamaged(`it holds ${directory.length - at} bytes after its last file record`);
}

/** The extra fields, each a 2-byte id and a 2-byte length; a field running past the end is damage. */
export function parseExtraFields(bytes: Buffer, index: number, count: number): ExtraField[] {
  const fields: ExtraField[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    if (at + 4 + size > bytes.length) throw new DirectoryDamaged(`an extra field of file record ${index + 1} of ${count} runs past its end`);
    fields.push({ id, data: bytes.subarray(at + 4, at + 4 + size) });
    at += 4 + size;
  }
  if (at !== bytes.length) throw new DirectoryDamaged(`the extra fields of file record ${index + 1} of ${count} end in the middle of a field`);
  return fields;
}

/** Sizes and offset that do not fit 32 bits are 0xFFFFFFFF here and follow, in this order, in the ZIP64 extra field. */
function applyZip64(record: CentralRecord, count: number): void {
  const wide = ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const;
  if (!wide.some((key) => record[key] === MAX32)) return;
  const field = record.extraFields.find((f) => f.id === ZIP64_EXTRA);
  let at = 0;
  for (const key of wide) {
    if (record[key] !== MAX32) continue;
    if (field === undefined || at + 8 > field.data.length) throw new DirectoryDamaged(`file record ${record.index + 1} of ${count} lacks the ZIP64 sizes it points to`);
    record[key] = readUInt64(field.data, at);
    at += 8;
  }
}
