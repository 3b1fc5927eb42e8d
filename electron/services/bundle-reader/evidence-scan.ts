/**
 * The fast path for an evidence file that is only checked, not handed on (validate; a file no case
 * points to): its packed bytes come from the read-ahead (evidence-read-ahead.ts), and its output
 * (deflate-scan.ts: a stored entry's bytes, a deflated one's stored blocks, as views of the
 * pieces) goes straight to CRC-32, SHA-256 and the media checks, without a stream, an inflate or a
 * copy. It reports nothing itself: only a file with no problem of its own (every byte there, its
 * declared size and CRC-32 met, no limit crossed) is taken from it; for any other, or anything
 * it is not sure of, it answers null and the file is read again the ordinary way (entry-chunks.ts),
 * which finds and words the problems as always. The media checks it runs are those that find the
 * same in any chunks (signatures, image sizes); a file with a text type is read the ordinary way.
 */
import { createHash, hash as hashOnce, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Turns } from './abort';
import type { EvidenceReference } from './case-line-check';
import { scanDeflated, scanStored, type ScanScratch, type ScanTarget } from './deflate-scan';
import { displayName } from './entry-names';
import type { EntryReader } from './entry-chunks';
import type { EvidenceHasher } from './evidence-hasher';
import type { ByteRange, EvidenceReadAhead } from './evidence-read-ahead';
import { chunkingFree, type MediaCheck } from './media-check';
import { DEFLATED, STORED, type ZipRecord } from './zip-archive';

/** Deflated entries that saved more than this share of their size compress, and are inflated by zlib. */
const MAX_SAVED_SHARE = 1 / 8;
/** What Huffman blocks may take of a deflated entry on the fast path: this, plus an eighth of its size. */
const HUFFMAN_ALLOWANCE_BYTES = 64 * 1024;

/**
 * The entry's packed bytes when the fast path takes it, else null: not handed on, stored or
 * deflated without saving much, not empty, and every media type its cases give it checked alike
 * in any chunks.
 */
export function fastRange(entry: ZipRecord, ref: EvidenceReference | undefined, handsOn: boolean): ByteRange | null {
  if (handsOn || entry.uncompressedSize === 0 || entry.compressedSize === 0) return null;
  if (ref !== undefined && !ref.documents.every((d) => chunkingFree(d.mediaType))) return null;
  const method = entry.compressionMethod;
  if (method !== STORED && !(method === DEFLATED && entry.compressedSize >= entry.uncompressedSize * (1 - MAX_SAVED_SHARE))) return null;
  return { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize };
}

export interface ScanContext {
  reader: EntryReader;
  ahead: EvidenceReadAhead;
  scratch: ScanScratch;
  turns: Turns;
  /** SHA-256 on a worker thread (evidence-hasher.ts), or null: on this one. */
  hasher: EvidenceHasher | null;
}

/** A file's SHA-256 (hex), or (from the hashing worker) the promise of it: wrapped, so that an async function's answer does not wait for it. */
export type Digest = string | { later: Promise<string> };

/**
 * The file's SHA-256, its output pushed to `checks` on the way; null when the file must be read
 * the ordinary way (nothing is counted then, and `checks` must be made anew).
 */
export async function scanEvidence(context: ScanContext, index: number, name: string, entry: ZipRecord, checks: MediaCheck[]): Promise<Digest | null> {
  const { reader, ahead, scratch, turns, hasher } = context;
  const target: ScanTarget = {
    index,
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize,
    maxOutput: entry.uncompressedSize,
    huffmanBytes: HUFFMAN_ALLOWANCE_BYTES + Math.floor(entry.uncompressedSize / 8),
    signal: reader.signal,
    turns,
    scratch,
    hasher,
  };
  let crc = 0;
  let hash: Hash | null = null;
  let single: string | null = null;
  let first = true;
  const sink = (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    for (const c of checks) c.push(bytes);
    if (hasher !== null) hasher.update(bytes);
    // the whole file in one view (most small files): hashed in one call
    else if (first && bytes.length === entry.uncompressedSize) single = hashOnce('sha256', bytes, 'hex');
    else (hash ??= createHash('sha256')).update(bytes);
    first = false;
  };
  let output: number | null;
  try {
    output = entry.compressionMethod === STORED ? await scanStored(ahead, target, sink) : await scanDeflated(ahead, target, sink);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    output = null;
  }
  const counter = reader.budget.entry(displayName(name), entry);
  if (output === null || output !== entry.uncompressedSize || crc !== entry.crc32 || !counter.fits(output)) {
    hasher?.drop();
    return null;
  }
  counter.add(output);
  if (hasher !== null) return { later: hasher.end() };
  return hash !== null ? (hash as Hash).digest('hex') : single;
}
