/**
 * SHA-256 of the fast path's evidence (evidence-scan.ts) on a worker thread, so that a second core
 * hashes while this thread reads, walks the deflate blocks and computes CRC-32: the read-ahead's
 * pieces are in SharedArrayBuffers, and the worker is told which bytes of which to hash, a batch
 * of views at a time (one message per megabyte or so, whatever the number of files or blocks),
 * never the bytes themselves (but for a Huffman block's output, which is copied). A piece's buffer
 * is read into again only once the worker has hashed what it was told of it (`isFree`), and the
 * reading waits while more than BACKLOG_BYTES are told and not yet hashed (`backlog`), so memory
 * stays bounded. The digests come back in order, one per file ended.
 *
 * The worker's code is the small source below, run with `eval`: no script file to build or ship.
 * A worker that fails (an error, an exit) rejects every digest not yet given, and with it the reading.
 */
import { Worker } from 'node:worker_threads';

/** Told and not yet hashed, at most (about three pieces). */
const BACKLOG_BYTES = 6 * 1024 * 1024;
/** A batch goes to the worker once it names this many bytes (or when a digest or room is waited for). */
const BATCH_BYTES = 1024 * 1024;
const BATCH_ENDS = 256;

const UPDATE = 0;
const END = 1;
const DROP = 2;

/** The worker: for each batch, the updates and ends it lists, in order; it answers with the batch's number and digests. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = null;
parentPort.on('message', ({ seq, views, ops }) => {
  const digests = [];
  for (let i = 0; i < ops.length; ) {
    const op = ops[i++];
    if (op === ${UPDATE}) {
      const view = views[ops[i++]];
      const offset = ops[i++];
      const length = ops[i++];
      (hash ??= createHash('sha256')).update(new Uint8Array(view.buffer, view.byteOffset + offset, length));
    } else if (op === ${END}) {
      digests.push((hash ?? createHash('sha256')).digest('hex'));
      hash = null;
    } else {
      hash = null;
    }
  }
  parentPort.postMessage({ seq, digests });
});
`;

interface Deferred {
  resolve: (hex: string) => void;
  reject: (e: Error) => void;
}

export class EvidenceHasher {
  private readonly worker: Worker;
  /** The batch being gathered. */
  private views: Uint8Array[] = [];
  private viewOf = new Map<ArrayBufferLike, number>();
  private ops: number[] = [];
  private batchBytes = 0;
  private batchEnds = 0;
  /** Digests asked for, in order, not yet given. */
  private readonly waiting: Deferred[] = [];
  /** Batches sent, and the last one the worker has answered. */
  private sent = 0;
  private answered = 0;
  /** Bytes told the worker (sent or not) and not yet hashed, and by batch. */
  private pendingBytes = 0;
  private readonly bytesOfBatch = new Map<number, number>();
  /** The last batch naming each shared buffer. */
  private readonly lastBatchOf = new WeakMap<ArrayBufferLike, number>();
  private roomWaiters: (() => void)[] = [];
  private failure: Error | null = null;
  private ended = false;

  /** `source`: the worker's code (tests give a broken one). */
  constructor(source = WORKER_SOURCE) {
    this.worker = new Worker(source, { eval: true });
    this.worker.unref();
    this.worker.on('message', (m: { seq: number; digests: string[] }) => this.answer(m));
    this.worker.on('error', (e) => this.fail(new Error(`the evidence hashing worker failed: ${e.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.ended) this.fail(new Error(`the evidence hashing worker exited (code ${code}) before it was done`));
    });
  }

  /** Hash these bytes next (of the file being hashed). A view of a shared buffer is named, anything else copied. */
  update(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const shared = bytes.buffer instanceof SharedArrayBuffer;
    let index = shared ? this.viewOf.get(bytes.buffer) : undefined;
    if (index === undefined) {
      index = this.views.length;
      this.views.push(shared ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes));
      if (shared) this.viewOf.set(bytes.buffer, index);
    }
    this.ops.push(UPDATE, index, shared ? bytes.byteOffset : 0, bytes.length);
    if (shared) this.lastBatchOf.set(bytes.buffer, this.sent + 1);
    this.batchBytes += bytes.length;
    this.pendingBytes += bytes.length;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
  }

  /** The file is whole: its digest, once the worker has hashed it. */
  end(): Promise<string> {
    this.ops.push(END);
    this.batchEnds += 1;
    const digest = new Promise<string>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.push({ resolve, reject });
    });
    if (this.batchEnds >= BATCH_ENDS) this.flush();
    return digest;
  }

  /** The file being hashed is given up (it is read again the ordinary way): its hash is dropped. */
  drop(): void {
    this.ops.push(DROP);
  }

  /** Whether the worker is done with everything it was told of this buffer. */
  isFree(buffer: ArrayBufferLike): boolean {
    const last = this.lastBatchOf.get(buffer);
    return last === undefined || last <= this.answered;
  }

  /** Resolves once at most BACKLOG_BYTES are told and not yet hashed (undefined when that is so already). */
  backlog(): Promise<void> | undefined {
    if (this.pendingBytes <= BACKLOG_BYTES || this.failure) return undefined;
    this.flush();
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve)).then(() => this.backlog());
  }

  /** Sends what is gathered: before a digest is waited for. */
  flush(): void {
    if (this.ops.length === 0 || this.failure) return;
    this.sent += 1;
    this.bytesOfBatch.set(this.sent, this.batchBytes);
    const copies = this.views.filter((v) => !(v.buffer instanceof SharedArrayBuffer)).map((v) => v.buffer as ArrayBuffer);
    this.worker.postMessage({ seq: this.sent, views: this.views, ops: this.ops }, copies);
    this.views = [];
    this.viewOf = new Map();
    this.ops = [];
    this.batchBytes = 0;
    this.batchEnds = 0;
  }

  /** Ends the worker (its digests asked for and not given are rejected). */
  async close(): Promise<void> {
    this.ended = true;
    this.fail(new Error('the evidence hashing worker was ended'));
    await this.worker.terminate();
  }

  private answer({ seq, digests }: { seq: number; digests: string[] }): void {
    this.answered = seq;
    this.pendingBytes -= this.bytesOfBatch.get(seq) ?? 0;
    this.bytesOfBatch.delete(seq);
    for (const hex of digests) this.waiting.shift()?.resolve(hex);
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
  }
}
