/**
 * The ZIP's byte layout, checked before anything is inflated, so that every ZIP tool sees the same
 * files as this reader (no "parser differential"): each entry's local header must agree with its
 * central directory record (name bytes, flags, method, CRC-32, sizes; with a data descriptor, the
 * descriptor must), and the entries must tile the file: the first starts at byte 0, each begins
 * where the one before ends, the last is followed directly by the central directory. Overlapping
 * entries (two records pointing at the same bytes) and bytes that belong to no entry are refused.
 * Local headers are read as the directory lists them, through the block reader: in the usual ZIP
 * the directory's order is the file's, so this is a sequential read.
 */
import type { CodedMessage } from '../../../shared/problems/problem';
import type { BlockFileReader } from './block-file-reader';
import { problem, type ProblemCode } from './problem-codes';
import type { ProblemLog } from './problem-log';
import { parseExtraFields } from './zip-central-records';
import { readUInt64 } from './zip-end-records';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_BYTES = 30;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const DATA_DESCRIPTOR_FLAG = 0x8;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;
/** What a local header read brings along: enough for the next headers of small files, not a whole block of a large file's data. */
const HEADER_READ_AHEAD = 64 * 1024;
/** ... and for a file whose data alone is larger than that (the next header is beyond it anyway): its own header's name and extra fields, as a rule. */
const LARGE_ENTRY_READ_AHEAD = 4 * 1024;

/** What the local header is checked against: the central record's facts. */
export interface CentralFacts {
  localHeaderOffset: number;
  fileNameRaw: Uint8Array;
  generalPurposeBitFlag: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Every entry's byte range, kept compactly (two numbers and the name shown, per entry) while the
 * directory is read; `finish` then checks the tiling in file order and reports, for each entry,
 * one problem: an overlap first (it explains a header that does not match), else the header's.
 */
export class ZipLayout {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly shown: string[] = [];
  private readonly pending = new Map<number, CodedMessage<ProblemCode>>();

  constructor(count: number) {
    this.starts = new Float64Array(count);
    this.ends = new Float64Array(count);
  }

  /** Entry `index`'s range (end -1 when its header could not be read) and its header's problem. */
  add(index: number, shown: string, start: number, checked: Checked): void {
    this.starts[index] = start;
    this.ends[index] = 'end' in checked ? checked.end : -1;
    this.shown[index] = shown;
    if (checked.coded) this.pending.set(index, checked.coded);
  }

  /** Logs every problem as an error of kind 'zip' on the entry it concerns; returns how many. */
  finish(directoryOffset: number, bundleFile: string, log: ProblemLog): number {
    const count = this.shown.length;
    let found = 0;
    const refuse = (file: string, coded: CodedMessage<ProblemCode>) => {
      found += 1;
      log.error('zip', file, null, '', coded);
    };
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]! || a - b);
    // The entry reaching furthest so far: a range inside an earlier, longer one overlaps that one.
    let furthest = -1;
    let furthestEnd = 0;
    for (const i of order) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const shown = this.shown[i]!;
      if (furthest !== -1 && start < furthestEnd) {
        refuse(shown, problem('ZIP_ENTRIES_OVERLAP', { other: this.shown[furthest]! }));
        continue;
      }
      const own = this.pending.get(i);
      if (end === -1) {
        if (own) refuse(shown, own);
        continue;
      }
      if (furthest === -1 && start > 0) refuse(bundleFile, problem('ZIP_BYTES_BEFORE_FIRST', { extraBytes: start, name: shown }));
      if (furthest !== -1 && start > furthestEnd) refuse(shown, problem('ZIP_GAP_BEFORE_ENTRY', { extraBytes: start - furthestEnd, other: this.shown[furthest]! }));
      if (own) refuse(shown, own);
      if (furthest === -1 || end > furthestEnd) {
        furthest = i;
        furthestEnd = end;
      }
    }
    if (count === 0 && directoryOffset > 0) {
      refuse(bundleFile, problem('ZIP_BYTES_BEFORE_DIRECTORY', { extraBytes: directoryOffset }));
    } else if (furthest !== -1 && furthestEnd < directoryOffset) {
      refuse(bundleFile, problem('ZIP_GAP_BEFORE_DIRECTORY', { extraBytes: directoryOffset - furthestEnd, other: this.shown[furthest]! }));
    }
    return found;
  }
}

export type Checked = { dataOffset: number; end: number; coded?: CodedMessage<ProblemCode> } | { coded: CodedMessage<ProblemCode> };

/**
 * The local header against the central record: where the data starts, where the entry ends and,
 * when they disagree, why. The range is known whenever the header itself can be read, so a
 * mismatch does not also make the next entry look misplaced.
 */
export async function checkLocalHeader(central: CentralFacts, file: BlockFileReader, directoryOffset: number): Promise<Checked> {
  const item = {
    localOffset: central.localHeaderOffset,
    flags: central.generalPurposeBitFlag,
    method: central.compressionMethod,
    crc32: central.crc32,
    compressedSize: central.compressedSize,
    uncompressedSize: central.uncompressedSize,
  };
  if (item.localOffset + LOCAL_BYTES > directoryOffset) return { coded: problem('ENTRY_LOCAL_HEADER_MISSING') };
  const readAhead = item.compressedSize > HEADER_READ_AHEAD ? LARGE_ENTRY_READ_AHEAD : HEADER_READ_AHEAD;
  const head = await headerBytes(file, item.localOffset, LOCAL_BYTES, readAhead);
  if (head.length < LOCAL_BYTES || head.readUInt32LE(0) !== LOCAL_SIGNATURE) return { coded: problem('ENTRY_LOCAL_HEADER_MISSING') };
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const dataOffset = item.localOffset + LOCAL_BYTES + nameLength + extraLength;
  const dataEnd = dataOffset + item.compressedSize;
  if (dataEnd > directoryOffset) return { coded: problem('ZIP_ENTRY_INTO_DIRECTORY') };
  const tail = await headerBytes(file, item.localOffset + LOCAL_BYTES, nameLength + extraLength);
  const described = (item.flags & DATA_DESCRIPTOR_FLAG) !== 0;
  let zip64 = false;
  const mismatch = ((): CodedMessage<ProblemCode> | null => {
    const localName = tail.subarray(0, nameLength);
    if (!localName.equals(central.fileNameRaw)) {
      return problem('ENTRY_LOCAL_NAME_MISMATCH', { localName: printable(localName) });
    }
    const flags = head.readUInt16LE(6);
    if (flags !== item.flags) return problem('ENTRY_LOCAL_FLAGS_MISMATCH', { local: hex(flags), central: hex(item.flags) });
    const method = head.readUInt16LE(8);
    if (method !== item.method) return problem('ENTRY_LOCAL_METHOD_MISMATCH', { local: method, central: item.method });
    let extraFields;
    try {
      extraFields = parseExtraFields(tail.subarray(nameLength), 0, 1);
    } catch {
      return problem('ENTRY_LOCAL_HEADER_DAMAGED');
    }
    const wide = extraFields.find((f) => f.id === ZIP64_EXTRA);
    zip64 = wide !== undefined;
    let uncompressedSize = head.readUInt32LE(22);
    let compressedSize = head.readUInt32LE(18);
    // In a local header the ZIP64 field holds both sizes, whenever either is 0xFFFFFFFF.
    if (uncompressedSize === MAX32 || compressedSize === MAX32) {
      if (wide === undefined || wide.data.length < 16) return problem('ENTRY_LOCAL_HEADER_DAMAGED');
      uncompressedSize = readUInt64(wide.data, 0);
      compressedSize = readUInt64(wide.data, 8);
    }
    // With a data descriptor (bit 3) the local header may leave CRC and sizes zero: they follow the data.
    const agrees = (local: number, central: number) => local === central || (described && local === 0);
    if (!agrees(head.readUInt32LE(14), item.crc32)) return problem('ENTRY_LOCAL_CRC_MISMATCH');
    if (!agrees(uncompressedSize, item.uncompressedSize)) {
      return problem('ENTRY_LOCAL_SIZE_MISMATCH', { localBytes: uncompressedSize, centralBytes: item.uncompressedSize });
    }
    if (!agrees(compressedSize, item.compressedSize)) {
      return problem('ENTRY_LOCAL_PACKED_SIZE_MISMATCH', { localBytes: compressedSize, centralBytes: item.compressedSize });
    }
    return null;
  })();
  if (!described) return { dataOffset, end: dataEnd, ...(mismatch ? { coded: mismatch } : {}) };
  const descriptor = await readDescriptor(file, dataEnd, zip64, item.crc32);
  const end = dataEnd + (descriptor?.bytes ?? 0);
  if (mismatch) return { dataOffset, end, coded: mismatch };
  if (descriptor === null || descriptor.crc !== item.crc32 || descriptor.compressedSize !== item.compressedSize || descriptor.uncompressedSize !== item.uncompressedSize) {
    return { dataOffset, end, coded: problem('ENTRY_DESCRIPTOR_MISMATCH') };
  }
  return { dataOffset, end };
}

/**
 * The data descriptor after the data: an optional signature, the CRC-32, then both sizes (8 bytes
 * each when the entry is ZIP64). The signature is optional, so 4 bytes equal to it are taken as
 * the signature unless they are the entry's CRC (then the tiling check decides what follows).
 */
async function readDescriptor(file: BlockFileReader, at: number, wide: boolean, crc: number) {
  const width = wide ? 8 : 4;
  const bytes = await headerBytes(file, at, 4 + 4 + 2 * width);
  if (bytes.length < 4) return null;
  const signed = bytes.readUInt32LE(0) === DESCRIPTOR_SIGNATURE && crc !== DESCRIPTOR_SIGNATURE;
  const start = signed ? 4 : 0;
  const size = start + 4 + 2 * width;
  if (bytes.length < size) return null;
  const read = (pos: number) => (wide ? readUInt64(bytes, pos) : bytes.readUInt32LE(pos));
  return { crc: bytes.readUInt32LE(start), compressedSize: read(start + 4), uncompressedSize: read(start + 4 + width), bytes: size };
}

/** Header bytes: a view of the block when it holds them (most headers), else read with a small read-ahead. */
function headerBytes(file: BlockFileReader, position: number, length: number, readAhead = HEADER_READ_AHEAD): Buffer | Promise<Buffer> {
  return file.cachedView(position, length) ?? file.bytesAt(position, length, readAhead);
}

const hex = (v: number) => `0x${v.toString(16).padStart(4, '0')}`;

/** A name's bytes fit for a message: UTF-8 where it is, control bytes and broken bytes as "?". */
function printable(bytes: Buffer): string {
  // eslint-disable-next-line no-control-regex
  return bytes.toString('utf8').replace(/[\u0000-\u001f\u007f\ufffd]/g, '?');
}
