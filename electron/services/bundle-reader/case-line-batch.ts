/**
 * Case lines on their way to a worker thread (case-line-worker.ts): a batch is the bytes of
 * consecutive lines copied end to end into one ArrayBuffer (about 256 KiB, or one line when a
 * line is longer), with where each line ends, both handed over without a copy (transferred).
 * The lines' numbers, the runs of blank lines between them and the lines too long to be kept
 * stay here, in file order, for the checks applied in line order when the verdicts come back.
 */
import type { LineVerdict } from './case-line-verdict';
import type { BlankLines } from './ndjson-lines';

/** What a worker is sent: the lines' bytes and their ends (exclusive offsets), and whether sound lines' records are wanted. */
export interface BatchMessage {
  id: number;
  bytes: ArrayBuffer;
  ends: Int32Array;
  keepRecords: boolean;
}

/** What a worker answers: one verdict per line, in the batch's order, or why it could not. */
export type VerdictsMessage = { id: number; verdicts: LineVerdict[] } | { id: number; error: string };

/** The first message of a worker whose modules have loaded. */
export const WORKER_READY = 'council-desk-case-lines-ready';

/** In file order: a line sent (its number), a line too long to be kept (checked here), a run of blank lines. */
export type BatchItem = number | { tooLong: number } | BlankLines;

export class LineBatch {
  readonly items: BatchItem[] = [];
  private readonly bytes: Uint8Array;
  private readonly ends: number[] = [];
  private used = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Lines sent so far. */
  get lines(): number {
    return this.ends.length;
  }

  fits(length: number): boolean {
    return this.used + length <= this.bytes.length;
  }

  /** Copies the line: the chunk its bytes are a view of is not ours to hold on to. */
  addLine(line: number, bytes: Uint8Array): void {
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
    this.ends.push(this.used);
    this.items.push(line);
  }

  add(item: { tooLong: number } | BlankLines): void {
    this.items.push(item);
  }

  /** The lines' bytes, for checking the batch on this thread instead. */
  *lineBytes(): Generator<Buffer> {
    let start = 0;
    for (const end of this.ends) {
      yield Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, end - start);
      start = end;
    }
  }

  /** The message for the worker; the bytes go with it (transferred), so the batch can send only once. */
  message(id: number, keepRecords: boolean): { message: BatchMessage; transfer: ArrayBuffer[] } {
    const ends = Int32Array.from(this.ends);
    const bytes = this.bytes.buffer as ArrayBuffer;
    return { message: { id, bytes, ends, keepRecords }, transfer: [bytes, ends.buffer as ArrayBuffer] };
  }
}

/** The lines of a batch as the worker sees them: views of the one buffer. */
export function* batchLines(message: BatchMessage): Generator<Buffer> {
  let start = 0;
  for (const end of message.ends) {
    yield Buffer.from(message.bytes, start, end - start);
    start = end;
  }
}
