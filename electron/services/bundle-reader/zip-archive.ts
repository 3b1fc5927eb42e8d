/**
 * The bundle file opened for reading, and one entry's inflated bytes as a stream. The ZIP's
 * structure (end records, central directory, local headers) is read by zip-directory.ts and
 * zip-layout.ts, which keep one compact record per entry (ZipRecord); an entry's data is then
 * read by its byte range, known from its checked local header.
 *
 * Deflated entries are inflated with 256 KiB output chunks instead of zlib's 16 KiB: about a
 * fifth faster on a cases.ndjson of 20,000 cases. The inflated size is checked against the
 * declared one by the reader's own counting (limits.ts, EntryBudget), which stops at the first
 * byte beyond it, and the CRC-32 by entry-chunks.ts. The stream is for large entries only: a
 * small one is read and inflated whole by entry-chunks.ts (entryBytes).
 */
import { close, fstat, open } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { BlockFileReader } from './block-file-reader';

const INFLATE_CHUNK_BYTES = 256 * 1024;
const MIN_INFLATE_CHUNK_BYTES = 16 * 1024;
export const STORED = 0;
export const DEFLATED = 8;

/**
 * The output chunk for an entry: 256 KiB for large ones, less for small ones (a 10 KB PDF does
 * not need a quarter-megabyte buffer, and thousands of them would churn memory). The declared
 * size is only a hint here; the reader's own counting enforces the limits.
 */
function inflateChunkBytes(declaredSize: number): number {
  let size = MIN_INFLATE_CHUNK_BYTES;
  while (size < INFLATE_CHUNK_BYTES && size <= declaredSize) size *= 2;
  return size;
}

export interface ZipArchive {
  file: BlockFileReader;
}

/** What the reader keeps of an entry once its directory record and local header were checked. */
export interface ZipRecord {
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the packed data starts, after the local header. */
  dataOffset: number;
}

/** Opens the file; a folder is refused with code EISDIR like fs.read would. */
export function openZipArchive(path: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openErr, fd) => {
      if (openErr) return reject(openErr);
      fstat(fd, (statErr, stats) => {
        const fail = (err: Error) => close(fd, () => reject(err));
        if (statErr) return fail(statErr);
        if (stats.isDirectory()) return fail(Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' }));
        resolve({ file: new BlockFileReader(fd, stats.size) });
      });
    });
  });
}

/** The entry's bytes, inflated (stored entries as they are). Destroying the stream stops the file read under it. */
export function openEntryStream(zip: ZipArchive, entry: ZipRecord): Readable {
  const raw = zip.file.rangeStream(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.compressionMethod !== DEFLATED) return raw;
  const inflate = createInflateRaw({ chunkSize: inflateChunkBytes(entry.uncompressedSize) });
  return pipeline(raw, inflate, () => {});
}

export function closeZipArchive(zip: ZipArchive | null): void {
  zip?.file.close();
}

