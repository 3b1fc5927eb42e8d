/**
 * The central directory's records, parsed one at a time as the directory is read (its size is
 * bounded by maxDirectoryBytes before any of it is read). A record is only what the reader needs
 * while it checks it; the name and extra fields are views into the bytes read, gone once the
 * record is checked.
 */
import type { BlockFileReader } from './block-file-reader';
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
}

export class DirectoryDamaged extends Error {}

const CHUNK_BYTES = 1024 * 1024;

/**
 * The directory's records, read through the block reader 1 MiB at a time (never whole: memory
 * stays small whatever the number of entries); it must hold exactly `count` records and nothing
 * else. A record's name and extra fields are views into the current chunk.
 */
export async function* centralRecords(file: BlockFileReader, offset: number, size: number, count: number): AsyncGenerator<CentralRecord> {
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = offset;
  let at = offset;
  const end = offset + size;
  /** The next `n` bytes at `at` are in the chunk (or the directory ends before them). */
  const ensure = async (n: number): Promise<boolean> => {
    if (at + n > end) return false;
    if (at + n <= chunkStart + chunk.length) return true;
    chunkStart = at;
    chunk = await file.bytesAt(at, Math.min(end - at, Math.max(n, CHUNK_BYTES)));
    return chunk.length >= n;
  };
  for (let index = 0; index < count; index++) {
    if (!(await ensure(CENTRAL_BYTES))) throw new DirectoryDamaged(`it ends in the middle of file record ${index + 1} of ${count}`);
    let h = at - chunkStart;
    if (chunk.readUInt32LE(h) !== CENTRAL_SIGNATURE) throw new DirectoryDamaged(`file record ${index + 1} of ${count} does not start with the record signature`);
    const nameLength = chunk.readUInt16LE(h + 28);
    const extraLength = chunk.readUInt16LE(h + 30);
    const commentLength = chunk.readUInt16LE(h + 32);
    const recordBytes = CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (!(await ensure(recordBytes))) throw new DirectoryDamaged(`file record ${index + 1} of ${count} runs past the end of the table of contents`);
    h = at - chunkStart;
    const nameAt = h + CENTRAL_BYTES;
    if (chunk.readUInt16LE(h + 34) !== 0 && chunk.readUInt16LE(h + 34) !== 0xffff) {
      throw new DirectoryDamaged(`file record ${index + 1} of ${count} says its file is on another disk (a multi-part ZIP)`);
    }
    const record: CentralRecord = {
      index,
      fileNameRaw: chunk.subarray(nameAt, nameAt + nameLength),
      generalPurposeBitFlag: chunk.readUInt16LE(h + 8),
      extraFields: parseExtraFields(chunk.subarray(nameAt + nameLength, nameAt + nameLength + extraLength), index, count),
      versionMadeBy: chunk.readUInt16LE(h + 4),
      compressionMethod: chunk.readUInt16LE(h + 10),
      crc32: chunk.readUInt32LE(h + 16),
      compressedSize: chunk.readUInt32LE(h + 20),
      uncompressedSize: chunk.readUInt32LE(h + 24),
      externalFileAttributes: chunk.readUInt32LE(h + 38),
      localHeaderOffset: chunk.readUInt32LE(h + 42),
    };
    applyZip64(record, count);
    at += recordBytes;
    yield record;
  }
  if (at !== end) throw new DirectoryDamaged(`it holds ${end - at} bytes after its last file record`);
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
