/**
 * One entry's inflated bytes, chunk by chunk, counted against the limits and the declared size as
 * they come: the moment a limit or the declared size is crossed the stream is destroyed and reading
 * stops (a fatal 'limits' problem); fewer bytes than declared is a fatal 'zip' problem. Damaged
 * data, and inflated bytes whose CRC-32 is not the one the directory records, become a fatal 'zip'
 * problem naming the entry; an abort destroys the stream and throws AbortError. Backpressure is the consumer's: the next chunk is read when it asks for it.
 */
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { abortError, throwIfAborted } from './abort';
import { displayName } from './entry-names';
import { shortfallProblem, type InflateBudget } from './limits';
import { problem } from './problem-codes';
import { FatalBundleError, type ProblemLog } from './problem-log';
import { openEntryStream, type ZipArchive, type ZipRecord } from './zip-archive';

export interface EntryReader {
  zip: ZipArchive;
  bundleFile: string;
  budget: InflateBudget;
  log: ProblemLog;
  signal: AbortSignal | undefined;
}

export async function* entryChunks(reader: EntryReader, name: string, entry: ZipRecord, maxBytes?: number): AsyncGenerator<Buffer> {
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
  if (/too many bytes in the stream/.test(detail)) {
    log.fatal('limits', file, null, '', problem('LIMIT_STREAM_OVERRUN', { detail }));
  }
  if (/not enough bytes in the stream/.test(detail)) {
    log.fatal('zip', file, null, '', problem('ENTRY_STREAM_CUT_SHORT', { detail }));
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    log.fatal('zip', file, null, '', problem('ENTRY_DATA_DAMAGED', { detail }));
  }
  log.fatal('zip', file, null, '', problem('ENTRY_UNREADABLE', { detail }));
}
