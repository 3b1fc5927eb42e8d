/**
 * The bundle file, read by byte range through a 1 MiB read-ahead block: the reader looks at every
 * entry's local header (and data descriptor) in file order, and a bundle of thousands of small
 * evidence files would otherwise cost tens of thousands of tiny fs.read calls, each a round trip
 * through libuv's thread pool. Served from the block, they become copies. Ranges up to a block
 * (small entries' data) come from it too; larger ranges are streamed from the file, so memory
 * stays bounded whatever an entry's size. The headers pass asks for several headers at once:
 * those that fall in a block being read wait for it, so each block is read once.
 */
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';

export const BLOCK_BYTES = 1024 * 1024;
const STREAM_HIGH_WATER_MARK = 256 * 1024;

export class BlockFileReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  /** The block being read (the headers pass asks for several headers at once): a miss inside it waits for it rather than reading the same bytes again. */
  private reading: { start: number; end: number; done: Promise<unknown> } | null = null;
  private closed = false;

  constructor(
    private readonly fd: number,
    readonly fileSize: number,
    /** fs.read, or a stand-in that counts the reads (tests). */
    private readonly readAt: typeof read = read,
  ) {}

  /**
   * A copy of the bytes at [position, position + length): fewer only at the end of the file. A
   * miss reads `readAhead` bytes (at most a block) into the block: the local headers pass asks for
   * less, so a bundle of large files is not read whole just to look at its headers.
   */
  bytesAt(position: number, length: number, readAhead = BLOCK_BYTES): Promise<Buffer> {
    const want = Math.max(0, Math.min(length, this.fileSize - position));
    if (position >= this.blockStart && position + want <= this.blockStart + this.block.length) {
      const at = position - this.blockStart;
      return Promise.resolve(Buffer.from(this.block.subarray(at, at + want)));
    }
    const reading = this.reading;
    if (reading && position >= reading.start && position + want <= reading.end) {
      return reading.done.then(() => this.bytesAt(position, length, readAhead));
    }
    const size = Math.max(want, Math.min(readAhead, BLOCK_BYTES, this.fileSize - position));
    const block = Buffer.allocUnsafe(size);
    const done = new Promise<Buffer>((resolve, reject) => {
      readFully(this.readAt, this.fd, block, position, (err, got) => {
        if (err) return reject(err);
        const filled = block.subarray(0, got);
        if (size <= BLOCK_BYTES) {
          this.block = filled;
          this.blockStart = position;
          return resolve(Buffer.from(filled.subarray(0, Math.min(want, got))));
        }
        resolve(filled.subarray(0, Math.min(want, got)));
      });
    });
    if (size <= BLOCK_BYTES) {
      const entry = { start: position, end: position + size, done: done.catch(() => undefined) };
      this.reading = entry;
      void entry.done.then(() => {
        if (this.reading === entry) this.reading = null;
      });
    }
    return done;
  }

  /**
   * The bytes at [position, position + length) when the block holds them all, as a view (not a
   * copy: the block is replaced, never written to, so the view stays true); else null. For the
   * many small reads of the headers pass, without a promise or a copy each.
   */
  cachedView(position: number, length: number): Buffer | null {
    if (position < this.blockStart || position + length > this.blockStart + this.block.length) return null;
    const at = position - this.blockStart;
    return this.block.subarray(at, at + length);
  }

  /** Fills `buffer` from `position` on (fewer bytes only at the end of the file): how many were read. Not through the block. */
  readInto(buffer: Buffer, position: number): Promise<number> {
    return new Promise((resolve, reject) => readFully(this.readAt, this.fd, buffer, position, (err, got) => (err ? reject(err) : resolve(got))));
  }

  /** [start, end) of the file as a stream: from the block when it fits one, else read in 256 KiB pieces. */
  rangeStream(start: number, end: number): Readable {
    if (end - start > BLOCK_BYTES) return new FileRangeStream(this.fd, start, end);
    const stream = new Readable({ read() {} });
    this.bytesAt(start, end - start).then(
      (bytes) => {
        if (bytes.length < end - start) return void stream.destroy(new Error('unexpected end of file'));
        stream.push(bytes);
        stream.push(null);
      },
      (err: Error) => stream.destroy(err),
    );
    return stream;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    close(this.fd, () => {});
  }
}

/**
 * [start, end) of the file, read in 256 KiB pieces. Not fs.createReadStream: destroying one of
 * those mid-read closes the descriptor even with autoClose: false, and the file must stay open.
 */
class FileRangeStream extends Readable {
  private position: number;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: STREAM_HIGH_WATER_MARK });
    this.position = start;
  }

  override _read(): void {
    const size = Math.min(STREAM_HIGH_WATER_MARK, this.end - this.position);
    if (size <= 0) return void this.push(null);
    const buffer = Buffer.allocUnsafe(size);
    read(this.fd, buffer, 0, size, this.position, (err, got) => {
      if (this.destroyed) return;
      if (err) return void this.destroy(err);
      if (got === 0) return void this.destroy(new Error('unexpected end of file'));
      this.position += got;
      this.push(got < size ? buffer.subarray(0, got) : buffer);
    });
  }
}

/** fs.read until the buffer is full or the file ends. */
function readFully(readAt: typeof read, fd: number, buffer: Buffer, position: number, done: (err: Error | null, got: number) => void, got = 0): void {
  if (buffer.length === 0) return done(null, 0);
  readAt(fd, buffer, got, buffer.length - got, position + got, (err, n) => {
    if (err) return done(err, got);
    if (n === 0 || got + n === buffer.length) return done(null, got + n);
    readFully(readAt, fd, buffer, position, done, got + n);
  });
}
