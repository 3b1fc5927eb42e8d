/**
 * One entry's inflated bytes, chunk by chunk, counted against the limits and the declared size as
 * they come: the moment a limit or the declared size is crossed the stream is destroyed and reading
 * stops (a fatal 'limits' problem); fewer bytes than declared is a fatal 'zip' problem. Damaged
 * data, and inflated bytes whose CRC-32 is not the one the directory records, become a fatal 'zip'
 * problem naming the entry; an abort destroys the stream and throws AbortError. Backpressure is the consumer's: the next chunk is read when it asks for it.
 *
 * A small entry (declared size and packed size at most 1 MiB) is read whole instead, by
 * `entryBytes`: its packed bytes in one read (most often a view of the read-ahead block, without
 * a promise) and one synchronous inflate capped at its declared size plus one byte, so a lying
 * entry still cannot inflate beyond it. A stream, a pipeline and an async iterator per entry cost
 * about 0.25 ms (its AbortSignal alone makes a DOMException), which for 50,000 tiny listed files
 * was most of 14 s; read whole they cost a few microseconds. The checks and the problems are the
 * streaming path's, on the one chunk.
 */
import type { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import { abortError, throwIfAborted } from './abort';
import { BLOCK_BYTES } from './block-file-reader';
import { displayName } from './entry-names';
import { shortfallProblem, type InflateBudget } from './limits';
import { problem } from './problem-codes';
import { FatalBundleError, type ProblemLog } from './problem-log';
import { DEFLATED, openEntryStream, type ZipArchive, type ZipRecord } from './zip-archive';

export interface EntryReader {
  zip: ZipArchive;
  bundleFile: string;
  budget: InflateBudget;
  log: ProblemLog;
  signal: AbortSignal | undefined;
}

/** The largest declared size read whole (the packed bytes must fit the read-ahead block too). */
export const SMALL_ENTRY_BYTES = 1024 * 1024;

/** Read whole by entryBytes rather than streamed. */
export function isSmallEntry(entry: ZipRecord): boolean {
  return entry.uncompressedSize <= SMALL_ENTRY_BYTES && entry.compressedSize <= BLOCK_BYTES;
}

/**
 * A small entry's inflated bytes (isSmallEntry), whole and checked as entryChunks checks them: a
 * buffer of its own, not a view of the read-ahead block.
 */
export async function entryBytes(reader: EntryReader, name: string, entry: ZipRecord, maxBytes?: number): Promise<Buffer> {
  const { log, signal } = reader;
  throwIfAborted(signal);
  const shown = displayName(name);
  const counter = reader.budget.entry(shown, entry, maxBytes);
  try {
    let packed = reader.zip.file.cachedView(entry.dataOffset, entry.compressedSize);
    if (packed === null) {
      packed = await reader.zip.file.bytesAt(entry.dataOffset, entry.compressedSize);
      throwIfAborted(signal);
    }
    if (packed.length < entry.compressedSize) throw new Error('unexpected end of file');
    const bytes = entry.compressionMethod === DEFLATED ? inflateCapped(packed, entry.uncompressedSize) : ownCopy(packed);
    // null: more than the declared size; counting one byte past it gives the streaming path's breach
    const breach = counter.add(bytes === null ? entry.uncompressedSize + 1 : bytes.length);
    if (breach) log.fatal('limits', breach.file ?? reader.bundleFile, null, '', breach);
    if (bytes === null) return log.fatal('limits', shown, null, '', problem('LIMIT_BEYOND_DECLARED', { declaredBytes: entry.uncompressedSize }));
    const short = shortfallProblem(counter, entry.uncompressedSize);
    if (short !== null) log.fatal('zip', shown, null, '', short);
    if (crc32(bytes) !== entry.crc32) log.fatal('zip', shown, null, '', problem('ENTRY_CRC_MISMATCH'));
    return bytes;
  } catch (e) {
    if (signal?.aborted) throw abortError();
    if (e instanceof FatalBundleError) throw e;
    return failure(log, shown, e);
  }
}

/**
 * A copy of the bytes in an ArrayBuffer of their own: Buffer.from would put a small one in Node's
 * shared pool, and passing a view of the pool on would copy the whole pool (or copy it again).
 */
function ownCopy(bytes: Buffer): Buffer {
  const copy = new Uint8Array(bytes);
  return Buffer.from(copy.buffer, 0, copy.length);
}

/**
 * Whether the bytes are all (or all but a byte: the inflate's one for seeing a lie) of their
 * ArrayBuffer, so that handing them on passes only them, not a larger buffer they are a view of.
 */
export function ownsItsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength <= bytes.byteLength + 1;
}

/** Raw deflate inflated in one call, at most declaredSize + 1 bytes; null when there would be more. */
function inflateCapped(packed: Buffer, declaredSize: number): Buffer | null {
  try {
    // one output buffer of the declared size (+1, to see a lie): one pass through zlib, no growing
    return inflateRawSync(packed, { maxOutputLength: declaredSize + 1, chunkSize: Math.max(64, declaredSize + 1) });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
}

export async function* entryChunks(reader: EntryReader, name: string, entry: ZipRecord, maxBytes?: number): AsyncGenerator<Buffer> {
  if (isSmallEntry(entry)) {
    const bytes = await entryBytes(reader, name, entry, maxBytes);
    if (bytes.length > 0) yield bytes;
    return;
  }
  const { log, signal } = reader;
  const shown = displayName(name);
  throwIfAborted(signal);
  const counter = reader.budget.entry(shown, entry, maxBytes);
  const stream: Readable = openEntryStream(reader.zip, entry);
  let crc = 0;
  const onAbort = () => stream.destroy(abortError());
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    throwIfAborted(signal);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const breach = counter.add(chunk.length);
      if (breach) log.fatal('limits', breach.file ?? reader.bundleFile, null, '', breach);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    const short = shortfallProblem(counter, entry.uncompressedSize);
    if (short !== null) log.fatal('zip', shown, null, '', short);
    if (crc !== entry.crc32) log.fatal('zip', shown, null, '', problem('ENTRY_CRC_MISMATCH'));
  } catch (e) {
    if (signal?.aborted) throw abortError();
    if (e instanceof FatalBundleError) throw e;
    failure(log, shown, e);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

/** A read that failed: why, in words, as a fatal problem. */
function failure(log: ProblemLog, file: string, e: unknown): never {
  const detail = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    log.fatal('zip', file, null, '', problem('ENTRY_DATA_DAMAGED', { detail }));
  }
  log.fatal('zip', file, null, '', problem('ENTRY_UNREADABLE', { detail }));
}
